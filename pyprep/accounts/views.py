"""Account pages: sign up, log in (throttled), profile, export and deletion. Password pages are Django's."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from pyprep.accounts import backends, selectors, services, throttling
from pyprep.accounts.forms import DeleteAccountForm, SignupForm
from pyprep.accounts.throttling import refusal_form, throttled
from pyprep.bank import registry
from pyprep.practice.ownership import Owner
from pyprep.practice.selectors import progress


def _safe_next(request: HttpRequest, *, default: str) -> str:
    """The `next` the form carried if it is a path on this site; anything else (another host, a bare word)
    gives the default, so a link cannot send a new account off-site or fail after the account exists."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(default)


def _refused(request: HttpRequest, template: str, context: dict[str, Any], message: str) -> HttpResponse:
    context["form"] = refusal_form(context["form"], message)
    return render(request, template, context, status=429)


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if throttled(request, rules=throttling.LOGIN):
            form = refusal_form(
                AuthenticationForm(request, initial={"username": request.POST.get("username", "")}),
                throttling.TOO_MANY_LOGINS,
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        # Django gives the session a new key on log-in; remember the anonymous one to claim its practice.
        self.anonymous_key = request.session.session_key or ""
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        services.account_claim_anonymous(user=form.get_user(), anonymous_session_key=self.anonymous_key)
        return response


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    if request.method == "POST" and throttled(request, rules=throttling.SIGNUP):
        form = SignupForm(initial={"username": request.POST.get("username", "")})
        return _refused(request, "accounts/signup.html", {"form": form}, throttling.TOO_MANY_SIGNUPS)
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.account_create(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            anonymous_session_key=request.session.session_key or "",
        )
        login(request, user, backend=backends.BACKEND)
        messages.success(request, "Welcome! Your account is ready; anything you practised before is kept.")
        return redirect(_safe_next(request, default="practice:start"))
    return render(request, "accounts/signup.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset page, throttled per network and, without telling, per e-mail address."""

    form_class = PasswordResetForm
    template_name = "registration/password_reset_form.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if throttled(request, rules=throttling.RESET_BY_IP):
            form = self.form_class(initial={"email": request.POST.get("email", "")})
            return _refused(
                request, self.template_name, self.get_context_data(form=form), throttling.TOO_MANY_RESETS
            )
        if throttled(request, rules=throttling.RESET_BY_EMAIL):
            # The same answer as a sent mail: the page must not tell an attacker which addresses exist.
            return redirect(self.get_success_url())
        return super().post(request, *args, **kwargs)


@login_required
@require_GET
def profile(request: HttpRequest) -> HttpResponse:
    report = progress(owner=Owner(user_id=request.user.pk))
    context = {
        "report": report,
        "progress_panels": registry.panels(slot="progress"),
        "today": timezone.localdate(),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    data = selectors.account_export(user=request.user)
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = (
        f'attachment; filename="pyprep-{request.user.get_username()}-{stamp}.json"'
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=request.user)
        request.session.flush()
        messages.success(request, "Your account and all its practice data are deleted.")
        return redirect("bank:home")
    return render(request, "accounts/delete.html", {"form": form})

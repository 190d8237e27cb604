"""Account pages: sign up, log in (throttled), profile, export and deletion. Password pages are Django's."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import is_ratelimited

from pyprep.accounts import selectors, services
from pyprep.accounts.forms import DeleteAccountForm, SignupForm
from pyprep.practice.ownership import Owner
from pyprep.practice.selectors import progress

THROTTLED = "Too many log-in attempts. Wait a minute and try again."


def _login_throttled(request: HttpRequest) -> bool:
    """Per address and per username, so neither one machine nor a spread-out attack can guess freely."""
    by_ip = is_ratelimited(
        request,
        group="accounts.login.ip",
        key="ip",
        rate=getattr(settings, "PYPREP_LOGIN_RATE_PER_IP", "20/m"),
        method="POST",
        increment=True,
    )
    by_name = is_ratelimited(
        request,
        group="accounts.login.username",
        key=lambda _group, req: req.POST.get("username", "").strip().lower() or "-",
        rate=getattr(settings, "PYPREP_LOGIN_RATE_PER_USERNAME", "5/m"),
        method="POST",
        increment=True,
    )
    return bool(by_ip or by_name)


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if _login_throttled(request):
            form = self.get_form()
            form.errors.clear()
            form.add_error(None, THROTTLED)
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
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.account_create(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            anonymous_session_key=request.session.session_key or "",
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome! Your account is ready; anything you practised before is kept.")
        return redirect(request.POST.get("next") or "practice:start")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
@require_GET
def profile(request: HttpRequest) -> HttpResponse:
    report = progress(owner=Owner(user_id=request.user.pk))
    return render(request, "accounts/profile.html", {"report": report})


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

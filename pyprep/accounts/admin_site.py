"""The admin site with the same log-in throttles as the site's own log-in page."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from pyprep.accounts.throttling import LOGIN, TOO_MANY_LOGINS, refusal_form, throttled


class ThrottledAdminSite(admin.AdminSite):
    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        if request.method == "POST" and throttled(request, rules=LOGIN):
            form = refusal_form(
                AdminAuthenticationForm(request, initial={"username": request.POST.get("username", "")}),
                TOO_MANY_LOGINS,
            )
            context = {
                **self.each_context(request),
                "title": "Log in",
                "subtitle": None,
                "app_path": request.get_full_path(),
                "form": form,
                REDIRECT_FIELD_NAME: request.GET.get(REDIRECT_FIELD_NAME, ""),
                **(extra_context or {}),
            }
            return TemplateResponse(request, "admin/login.html", context, status=429)
        return super().login(request, extra_context)

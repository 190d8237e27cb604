"""Who is calling and how often: personal tokens and the site's rate limits."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django_ratelimit.core import get_usage
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from pyprep.api import selectors

# Like the site's own limits (log-in, runs): per account when a token is sent, per address otherwise.
DEFAULT_RATES = {"user": "120/m", "anonymous_ip": "60/m"}


def rates() -> dict[str, str]:
    return {**DEFAULT_RATES, **getattr(settings, "PYPREP_API_RATES", {})}


class TokenAuth(HttpBearer):
    """A personal token from the profile page, sent as a Bearer token."""

    def authenticate(self, request: HttpRequest, token: str) -> AbstractBaseUser | None:
        return selectors.token_user(secret=token.strip())


class SiteRateThrottle(BaseThrottle):
    """django-ratelimit's counters, the ones the site's pages use, keyed by account or client address."""

    def allow_request(self, request: HttpRequest) -> bool:
        user = getattr(request, "auth", None)
        if user is not None:
            group, value, rate = "api.user", str(user.pk), rates()["user"]
        else:
            group, value, rate = "api.ip", str(request.META.get("REMOTE_ADDR", "")), rates()["anonymous_ip"]
        usage = get_usage(None, group=group, key=lambda _group, _request: value, rate=rate, increment=True)
        return not (usage and usage["should_limit"])

    def wait(self) -> float | None:
        return 60.0


token_auth = TokenAuth()


def request_user(request: HttpRequest) -> AbstractBaseUser:
    """The account a token-authenticated endpoint acts for (ninja puts it on request.auth)."""
    user: AbstractBaseUser = request.auth  # type: ignore[attr-defined]
    return user

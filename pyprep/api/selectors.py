"""Reads for the API: who a token belongs to, an account's tokens."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.utils import timezone

from pyprep.api.models import TOKEN_PREFIX, ApiToken, token_digest

# Writing last_used_at on every request would turn each read into a write; once a minute says enough.
LAST_USED_GRANULARITY = timedelta(minutes=1)


def token_user(*, secret: str) -> AbstractBaseUser | None:
    """The active account behind a token secret, or None for an unknown, revoked or malformed one."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    token = ApiToken.objects.active().select_related("user").filter(digest=token_digest(secret)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_GRANULARITY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    user: AbstractBaseUser = token.user
    return user


def tokens_of(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[ApiToken]:
    """The account's tokens that still work, newest first."""
    if not user.is_authenticated:
        return ApiToken.objects.none()
    return ApiToken.objects.active().filter(user_id=int(user.pk))

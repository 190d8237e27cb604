"""Writes for the API: create and revoke personal tokens."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils import timezone

from pyprep.api.models import TOKEN_PREFIX, ApiToken, token_digest

MAX_ACTIVE_TOKENS = 10


class TokenRefused(Exception):
    """A token that was not created; the message is shown to the account's owner."""


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once, right after creation; only its digest is kept


def token_create(*, user: AbstractBaseUser | AnonymousUser, name: str) -> NewToken:
    """Create a token for the account and return its secret, which is never stored or shown again."""
    if not user.is_authenticated:
        raise TokenRefused("Log in to create an API token.")
    name = " ".join(name.split())[:80] or "API token"
    if ApiToken.objects.active().filter(user_id=int(user.pk)).count() >= MAX_ACTIVE_TOKENS:
        raise TokenRefused(f"You already have {MAX_ACTIVE_TOKENS} active tokens; revoke one first.")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user_id=int(user.pk), name=name, prefix=secret[: len(TOKEN_PREFIX) + 6], digest=token_digest(secret)
    )
    return NewToken(token=token, secret=secret)


def token_revoke(*, user: AbstractBaseUser | AnonymousUser, pk: int, now: datetime | None = None) -> bool:
    """Revoke one of the account's tokens; False when it has no active token with that id."""
    if not user.is_authenticated:
        return False
    revoked = (
        ApiToken.objects.active().filter(user_id=int(user.pk), pk=pk).update(revoked_at=now or timezone.now())
    )
    return bool(revoked)

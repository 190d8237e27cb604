"""Personal API tokens: an account's key to the personal endpoints; only a digest of the secret is stored."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models

TOKEN_PREFIX = "pyp_"  # noqa: S105 - the public marker tokens start with, not a secret


def token_digest(raw: str) -> str:
    """SHA-256 of the whole token: the secret is 256 random bits, so a fast hash cannot be brute-forced."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def active(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text="The account this token acts for.",
    )
    name = models.CharField(
        max_length=80, help_text="What the owner called it, e.g. the machine or script that uses it."
    )
    prefix = models.CharField(
        max_length=12, help_text="The token's first characters, shown so its owner can tell tokens apart."
    )
    digest = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the token; the token itself is never stored."
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the token was created.")
    last_used_at = models.DateTimeField(
        null=True, blank=True, help_text="When a request last authenticated with it."
    )
    revoked_at = models.DateTimeField(
        null=True, blank=True, help_text="When its owner revoked it; a revoked token is refused."
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

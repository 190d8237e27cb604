"""Reads over an account: the full export of one person's data."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from pyprep.practice.ownership import Owner
from pyprep.practice.selectors import owner_export


def account_export(*, user: Any) -> dict[str, Any]:
    """Everything pyprep stores about the user, as JSON-ready values."""
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        **owner_export(owner=Owner(user_id=user.pk)),
    }

"""Who owns practice data: a signed-in user, or an anonymous visitor through their session key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Owner:
    user_id: int | None = None
    session_key: str = ""

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None

    @property
    def exists(self) -> bool:
        return self.user_id is not None or bool(self.session_key)

    def lookup(self, prefix: str = "") -> dict[str, Any]:
        """Filter arguments selecting this owner's rows (through `prefix`, e.g. 'card__')."""
        if self.user_id is not None:
            return {f"{prefix}user_id": self.user_id}
        if not self.session_key:
            # Neither a user nor a session key owns nothing; an empty pk__in matches no row on every engine
            # (Django answers it without a query).
            return {f"{prefix}pk__in": []}
        return {f"{prefix}user__isnull": True, f"{prefix}session_key": self.session_key}

    def fields(self) -> dict[str, Any]:
        """Values to write on a new row this owner owns."""
        if self.user_id is not None:
            return {"user_id": self.user_id, "session_key": ""}
        if not self.session_key:
            raise ValueError("An anonymous owner needs a session key before it can own anything.")
        return {"user_id": None, "session_key": self.session_key}


def owner_of(request: HttpRequest, *, create: bool = False) -> Owner:
    """The owner behind a request; with create=True an anonymous visitor is given a session key."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return Owner(user_id=user.pk)
    session = getattr(request, "session", None)
    if session is None:
        return Owner()
    if create and not session.session_key:
        session.save()
    return Owner(session_key=session.session_key or "")

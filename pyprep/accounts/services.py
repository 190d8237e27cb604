"""Account workflows: create an account keeping anonymous practice, delete an account."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from pyprep.practice.services import MergeReport, owner_merge


@transaction.atomic
def account_create(*, username: str, email: str, password: str, anonymous_session_key: str = "") -> Any:
    """Create a user and move into it whatever the visitor practised before signing up."""
    user = get_user_model().objects.create_user(username=username, email=email, password=password)
    owner_merge(session_key=anonymous_session_key, user_id=user.pk)
    return user


def account_claim_anonymous(*, user: Any, anonymous_session_key: str) -> MergeReport:
    """On log-in, keep what was practised anonymously in this browser before logging in."""
    return owner_merge(session_key=anonymous_session_key, user_id=user.pk)


@transaction.atomic
def account_delete(*, user: Any) -> None:
    """Delete the account and, through the foreign keys, every card, review, session, star and note it owns."""
    user.delete()

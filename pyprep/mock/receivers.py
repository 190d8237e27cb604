"""Move an anonymous visitor's mock interviews into the account they log in to or sign up with."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from pyprep.mock import services


@receiver(user_logged_in, dispatch_uid="mock.claim_anonymous")
def claim_anonymous_mocks(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    # Django gives the session a new key on log-in but keeps its data: the ids of the mocks this browser
    # started anonymously are there (written only by the server), so they can follow the visitor.
    session = getattr(request, "session", None)
    if session is None:
        return
    services.mock_claim(mock_ids=session.pop(services.ANONYMOUS_MOCKS_KEY, []), user_id=user.pk)

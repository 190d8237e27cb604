"""Revealing or rating with a card number that is not a number says so (400), it does not crash (500)."""

from __future__ import annotations

import pytest
from django.test import Client

from pyprep.practice.models import Scope
from pyprep.practice.ownership import Owner
from pyprep.practice.services import session_start
from pyprep.practice.tests.factories import make_question, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def session_url(client: Client) -> str:
    user = make_user(username="candidate")
    client.force_login(user)
    question = make_question()
    session = session_start(
        owner=Owner(user_id=user.pk), scope=Scope.FILTER, candidate_ids=[question.pk], title="t"
    )
    return f"/practice/sessions/{session.pk}"


@pytest.mark.parametrize(("action", "extra"), [("reveal", {"answer": "x"}), ("rate", {"grade": 3})])
def test_a_non_numeric_item_is_a_bad_request_with_a_clear_message(
    client: Client, session_url: str, action: str, extra: dict[str, object]
) -> None:
    response = client.post(f"{session_url}/{action}/", {"item": "abc", **extra})
    assert response.status_code == 400
    assert "card number" in response.content.decode()


def test_a_missing_item_is_still_not_found(client: Client, session_url: str) -> None:
    assert client.post(f"{session_url}/reveal/", {"answer": "x"}).status_code == 404

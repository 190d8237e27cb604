"""Nobody can open, answer, end, rate or read another person's mock interview by guessing its number."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from pyprep.mock.models import MockInterview
from pyprep.mock.tests.factories import make_concepts, start_mock
from pyprep.practice.ownership import Owner
from pyprep.practice.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def victims_mock(db: None) -> MockInterview:
    make_concepts(4)
    return start_mock(Owner(user_id=make_user(username="victim").pk))


@pytest.fixture
def intruder(client: Client) -> Client:
    client.force_login(make_user(username="intruder"))
    return client


def test_another_users_mock_pages_are_not_found(intruder: Client, victims_mock: MockInterview) -> None:
    for path in (f"/mock/{victims_mock.pk}/", f"/mock/{victims_mock.pk}/report/"):
        assert intruder.get(path).status_code == 404


def test_another_users_mock_cannot_be_answered_saved_ended_or_confirmed(
    intruder: Client, victims_mock: MockInterview
) -> None:
    item = victims_mock.items.get(position=0)
    base = f"/mock/{victims_mock.pk}"
    assert intruder.post(f"{base}/answer/", {"item": item.pk, "answer": "x"}).status_code == 404
    assert intruder.post(f"{base}/autosave/", {"item": item.pk, "answer": "x"}).status_code == 404
    assert intruder.post(f"{base}/end/").status_code == 404
    assert intruder.post(f"{base}/confirm/", {f"grade-{item.pk}": "4"}).status_code == 404
    item.refresh_from_db()
    victims_mock.refresh_from_db()
    assert item.answer == ""
    assert victims_mock.is_running


def test_a_question_of_another_mock_is_not_found_in_ones_own(
    client: Client, candidate: Any, victims_mock: MockInterview
) -> None:
    mine = start_mock(Owner(user_id=candidate.pk))
    theirs = victims_mock.items.get(position=0)
    assert client.post(f"/mock/{mine.pk}/answer/", {"item": theirs.pk, "answer": "x"}).status_code == 404


def test_an_anonymous_visitor_cannot_open_a_users_mock(victims_mock: MockInterview) -> None:
    assert Client().get(f"/mock/{victims_mock.pk}/").status_code == 404


def test_the_history_lists_only_ones_own_mocks(intruder: Client, victims_mock: MockInterview) -> None:
    page = intruder.get("/mock/history/").content.decode()
    assert "No mock interviews yet" in page

"""A reload (or a server restart) resumes at the same question, with the text typed so far and the time left."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from pyprep.mock.models import MockInterview
from pyprep.mock.tests.factories import make_concepts, start_mock
from pyprep.practice.ownership import Owner

pytestmark = pytest.mark.django_db


def seconds_left_on(page: str) -> int:
    found = re.search(r'data-seconds-left="(\d+)"', page)
    assert found is not None
    return int(found.group(1))


def test_a_reload_shows_the_same_question_text_and_remaining_time(client: Client, candidate: Any) -> None:
    make_concepts(5)
    mock = start_mock(Owner(user_id=candidate.pk), now=timezone.now() - timedelta(minutes=7))
    first, second = mock.items.order_by("position")[:2]
    client.post(f"/mock/{mock.pk}/answer/", {"item": first.pk, "answer": "Lists change in place."})
    saved = client.post(f"/mock/{mock.pk}/autosave/", {"item": second.pk, "answer": "Half an answer so f"})
    assert saved.json()["running"] is True

    page = client.get(f"/mock/{mock.pk}/").content.decode()
    assert "Question 2 of 4" in page
    assert second.question.title in page
    assert ">Half an answer so f</textarea>" in page
    # 13 minutes of 20 were left; the page shows what the server's deadline says, not a fresh 20 minutes.
    assert 13 * 60 - 5 <= seconds_left_on(page) <= 13 * 60
    # Reading the page again does not restart the question's clock.
    second.refresh_from_db()
    assert second.shown_at is not None
    shown_at = second.shown_at
    client.get(f"/mock/{mock.pk}/")
    second.refresh_from_db()
    assert second.shown_at == shown_at


def test_no_answer_or_key_point_is_shown_while_the_mock_runs(client: Client, candidate: Any) -> None:
    make_concepts(4)
    mock = start_mock(Owner(user_id=candidate.pk))
    page = client.get(f"/mock/{mock.pk}/").content.decode()
    assert "Lists are mutable" not in page
    assert client.get(f"/mock/{mock.pk}/report/")["Location"] == f"/mock/{mock.pk}/"


def test_answering_or_skipping_every_question_ends_the_mock_with_a_report(
    client: Client, candidate: Any
) -> None:
    make_concepts(4)
    mock = start_mock(Owner(user_id=candidate.pk))
    for number, item in enumerate(mock.items.order_by("position")):
        form = {"item": item.pk, "answer": "Lists are mutable and change in place; tuples are immutable."}
        response = client.post(
            f"/mock/{mock.pk}/answer/", {**form, "action": "skip" if number == 3 else "answer"}
        )
    assert response["Location"] == f"/mock/{mock.pk}/report/"
    mock.refresh_from_db()
    assert (mock.state, mock.ending) == (MockInterview.State.FINISHED, MockInterview.Ending.COMPLETED)
    report = client.get(f"/mock/{mock.pk}/report/").content.decode()
    assert "Mock interview report" in report
    assert "skipped" in report
    assert "Confirm ratings" in report


def test_a_double_submit_does_not_answer_the_next_question(client: Client, candidate: Any) -> None:
    make_concepts(4)
    mock = start_mock(Owner(user_id=candidate.pk))
    first = mock.items.get(position=0)
    client.post(f"/mock/{mock.pk}/answer/", {"item": first.pk, "answer": "one"})
    client.post(f"/mock/{mock.pk}/answer/", {"item": first.pk, "answer": "two"})
    first.refresh_from_db()
    assert first.answer == "one"
    assert mock.items.get(position=1).is_open


def test_a_malformed_question_number_is_a_bad_request(client: Client, candidate: Any) -> None:
    make_concepts(4)
    mock = start_mock(Owner(user_id=candidate.pk))
    assert client.post(f"/mock/{mock.pk}/answer/", {"item": "x"}).status_code == 400
    assert client.post(f"/mock/{mock.pk}/autosave/", {"item": "x"}).status_code == 400

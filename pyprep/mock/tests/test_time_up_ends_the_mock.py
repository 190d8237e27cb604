"""When the time is up the mock ends on the next request: what was typed counts, the rest is not reached."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from pyprep.mock import services
from pyprep.mock.models import MockInterview
from pyprep.mock.tests.factories import make_concepts, start_mock
from pyprep.practice.ownership import Owner

pytestmark = pytest.mark.django_db

ANSWER = "Lists are mutable and can change in place."


def test_opening_the_page_after_the_deadline_ends_the_mock(client: Client, candidate: Any) -> None:
    make_concepts(4)
    mock = start_mock(Owner(user_id=candidate.pk), now=timezone.now() - timedelta(minutes=25))
    first = mock.items.get(position=0)
    services.mock_item_autosave(
        mock=mock, item=first, answer=ANSWER, now=mock.started_at + timedelta(minutes=3)
    )

    response = client.get(f"/mock/{mock.pk}/")
    assert response["Location"] == f"/mock/{mock.pk}/report/"
    mock.refresh_from_db()
    assert (mock.state, mock.ending) == (MockInterview.State.FINISHED, MockInterview.Ending.TIME_UP)
    assert mock.finished_at == mock.deadline
    first.refresh_from_db()
    # The autosaved text is the answer the mock ends with, judged like any other.
    assert (first.answer, first.skipped, first.seconds_spent) == (ANSWER, False, 20 * 60)
    assert first.result["points"][0]["status"] == "covered"
    others = mock.items.exclude(pk=first.pk)
    assert all(item.skipped and not item.reached for item in others)


def test_the_page_handing_in_at_zero_keeps_the_typed_text(client: Client, candidate: Any) -> None:
    make_concepts(4)
    mock = start_mock(Owner(user_id=candidate.pk), now=timezone.now() - timedelta(minutes=20, seconds=2))
    first = mock.items.get(position=0)
    response = client.post(f"/mock/{mock.pk}/answer/", {"item": first.pk, "answer": ANSWER, "action": "skip"})
    assert response["Location"] == f"/mock/{mock.pk}/report/"
    first.refresh_from_db()
    assert first.answer == ANSWER
    assert not first.skipped
    assert "Time is up" in client.get(response["Location"]).content.decode()


def test_autosave_after_the_deadline_tells_the_page_to_go_to_the_report(
    client: Client, candidate: Any
) -> None:
    make_concepts(4)
    mock = start_mock(Owner(user_id=candidate.pk), now=timezone.now() - timedelta(minutes=21))
    first = mock.items.get(position=0)
    data = client.post(f"/mock/{mock.pk}/autosave/", {"item": first.pk, "answer": ANSWER}).json()
    assert data == {"running": False, "seconds_left": 0, "report": f"/mock/{mock.pk}/report/"}


def test_ending_early_closes_the_open_question_and_scores_the_mock(client: Client, candidate: Any) -> None:
    make_concepts(4)
    mock = start_mock(Owner(user_id=candidate.pk))
    first = mock.items.get(position=0)
    client.post(f"/mock/{mock.pk}/autosave/", {"item": first.pk, "answer": ANSWER})
    assert client.post(f"/mock/{mock.pk}/end/")["Location"] == f"/mock/{mock.pk}/report/"
    mock.refresh_from_db()
    assert mock.ending == MockInterview.Ending.ENDED
    # One of the two key points of one of the four questions: 1 of 8.
    assert mock.score == pytest.approx(1 / 8)

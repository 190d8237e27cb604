"""A mock with a challenge shows the usual editor under the same clock and records the run's verdict in the report."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from pyprep.challenges.models import Challenge, Submission
from pyprep.challenges.tests.factories import make_challenge
from pyprep.mock import services
from pyprep.mock.choices import MockRequest
from pyprep.mock.models import MockInterview
from pyprep.mock.tests.factories import make_concepts
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade

pytestmark = pytest.mark.django_db


def start_with_challenge(owner: Owner) -> MockInterview:
    make_concepts(4, level="entry")
    request = MockRequest(level="entry", minutes=30, with_challenge=True)
    return services.mock_start(owner=owner, request=request, seed=3)


def skip_concepts(mock: MockInterview) -> None:
    for item in mock.items.filter(question__kind="concept").order_by("position"):
        services.mock_item_answer(mock=mock, item=item, answer="", skip=True)


def submitted(
    challenge: Challenge, *, user: Any = None, kind: str = "submit", verdict: str = "accepted"
) -> Submission:
    return Submission.objects.create(
        challenge=challenge,
        user=user,
        kind=kind,
        code="def add(a, b):\n    return a + b\n",
        state=Submission.State.DONE,
        verdict=verdict,
        summary="All 3 tests pass" if verdict == "accepted" else "1 of 3 tests fail",
    )


def test_the_challenge_comes_last_in_the_editor_and_its_verdict_reaches_the_report(
    client: Client, candidate: Any
) -> None:
    challenge = make_challenge()
    mock = start_with_challenge(Owner(user_id=candidate.pk))
    assert [item.question.kind for item in mock.items.order_by("position")] == ["concept"] * 4 + ["challenge"]
    skip_concepts(mock)

    page = client.get(f"/mock/{mock.pk}/").content.decode()
    assert "Question 5 of 5" in page
    assert 'id="challenge-form"' in page
    assert f'hx-post="/challenges/{challenge.question.slug}/submit/"' in page
    assert "Done with the challenge" in page

    submitted(challenge, user=candidate, verdict="wrong_answer")
    submitted(challenge, user=candidate)
    item = mock.items.get(position=4)
    response = client.post(f"/mock/{mock.pk}/answer/", {"item": item.pk, "action": "answer"})
    assert response["Location"] == f"/mock/{mock.pk}/report/"
    item.refresh_from_db()
    assert item.result["verdict"] == "accepted"
    assert item.result["all_tests"] is True
    assert item.suggested_grade in (Grade.GOOD, Grade.EASY)
    report = client.get(response["Location"]).content.decode()
    assert "Challenge verdict:</strong> All 3 tests pass (all tests)" in report
    assert "the challenge was passed" in report


def test_an_anonymous_visitors_run_in_this_browser_counts_and_no_one_elses(db: None) -> None:
    challenge = make_challenge()
    mock = start_with_challenge(Owner(session_key="visitor"))
    skip_concepts(mock)
    someone_elses = submitted(challenge, kind="run")
    mine = submitted(challenge, kind="run", verdict="wrong_answer")
    item = mock.items.get(position=4)
    services.mock_item_answer(mock=mock, item=item, answer="", run_ids=[mine.pk])
    item.refresh_from_db()
    assert item.result["submission"] == mine.pk != someone_elses.pk
    assert item.suggested_grade == Grade.AGAIN

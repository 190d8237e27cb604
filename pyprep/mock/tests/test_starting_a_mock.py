"""Starting a mock: bad choices get a 400 with a message, too few questions say so and offer to widen."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from pyprep.bank import selectors as bank_selectors
from pyprep.mock import selectors
from pyprep.mock.models import MockInterview
from pyprep.mock.tests.factories import make_concepts, start_mock
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade
from pyprep.practice.services import card_rate

pytestmark = pytest.mark.django_db


def test_the_start_page_offers_levels_and_lengths(client: Client) -> None:
    make_concepts(4)
    page = client.get("/mock/").content.decode()
    assert "Junior · 1–3 years (4 questions, 0 challenges)" in page
    assert 'value="20"' in page
    assert 'value="30"' in page
    assert 'value="45"' in page


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"level": "guru", "minutes": "20"}, "Unknown level"),
        ({"level": "junior", "minutes": "25"}, "not 25"),
        ({"level": "junior", "minutes": "x"}, "must be a number of minutes"),
    ],
)
def test_bad_choices_are_a_bad_request_with_a_message(
    client: Client, form: dict[str, str], message: str
) -> None:
    response = client.post("/mock/start/", form)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not MockInterview.objects.exists()


def test_a_twenty_minute_mock_asks_four_questions_in_order(client: Client, candidate: Any) -> None:
    make_concepts(6)
    response = client.post("/mock/start/", {"level": "junior", "minutes": "20"})
    mock = MockInterview.objects.get()
    assert response["Location"] == f"/mock/{mock.pk}/"
    assert mock.user_id == candidate.pk
    assert list(mock.items.values_list("position", flat=True)) == [0, 1, 2, 3]
    assert (mock.deadline - mock.started_at).total_seconds() == 20 * 60
    assert mock.items.get(position=0).reached
    assert not mock.items.get(position=1).reached


def test_too_few_questions_for_the_level_says_so_and_offers_to_widen(client: Client) -> None:
    make_concepts(2, level="senior")
    make_concepts(2, level="mid")
    response = client.post("/mock/start/", {"level": "senior", "minutes": "20"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "needs 4 distinct concept questions at Senior level; the bank has only 2" in page
    assert "Widen to Mid, Senior and Expert" in page
    assert not MockInterview.objects.exists()

    widened = client.post("/mock/start/", {"level": "senior", "minutes": "20", "widen": "1"})
    mock = MockInterview.objects.get()
    assert widened["Location"] == f"/mock/{mock.pk}/"
    assert mock.widened
    assert set(mock.items.values_list("question__level", flat=True)) == {"mid", "senior"}


def test_asking_for_a_challenge_where_there_is_none_says_so_and_offers_to_go_without(client: Client) -> None:
    make_concepts(4, level="entry")
    page = client.post("/mock/start/", {"level": "entry", "minutes": "30", "challenge": "1"}).content.decode()
    assert "no code challenge at Entry level" in page
    assert "Start without the challenge" in page


def test_weak_topics_from_practice_weigh_the_draw(candidate: Any) -> None:
    questions = make_concepts(9)
    owner = Owner(user_id=candidate.pk)
    functions = [q for q in questions if q.topics.get().slug == "functions"]
    # Failing a topic's questions a week ago makes it weak: its recall a week from now is low.
    for question in functions:
        card_rate(owner=owner, question=question, grade=Grade.AGAIN, now=timezone.now() - timedelta(days=7))
    assert selectors.weak_topic_weights(owner=owner) == {"functions": selectors.WEAK_TOPIC_WEIGHT}


def test_the_start_page_offers_to_resume_a_running_mock(client: Client, candidate: Any) -> None:
    make_concepts(4)
    client.post("/mock/start/", {"level": "junior", "minutes": "20"})
    mock = MockInterview.objects.get()
    page = client.get("/mock/").content.decode()
    assert f'href="/mock/{mock.pk}/">Resume your Junior mock (20 minutes)' in page


def test_a_running_mock_whose_time_is_up_is_not_offered_for_resuming(client: Client, candidate: Any) -> None:
    make_concepts(4)
    mock = start_mock(Owner(user_id=candidate.pk), now=timezone.now() - timedelta(minutes=30))
    assert "Resume your" not in client.get("/mock/").content.decode()
    mock.refresh_from_db()
    assert mock.ending == MockInterview.Ending.TIME_UP


def test_the_draw_weighs_the_candidates_weak_topics(candidate: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    questions = make_concepts(6)
    owner = Owner(user_id=candidate.pk)
    for question in questions:
        if question.topics.get().slug == "objects":
            card_rate(
                owner=owner, question=question, grade=Grade.AGAIN, now=timezone.now() - timedelta(days=7)
            )
    seen: dict[str, Any] = {}
    drawn = bank_selectors.questions_drawn

    def spy(**kwargs: Any) -> Any:
        seen.update(kwargs)
        return drawn(**kwargs)

    monkeypatch.setattr(bank_selectors, "questions_drawn", spy)
    start_mock(owner)
    assert seen["topic_weights"] == {"objects": selectors.WEAK_TOPIC_WEIGHT}

"""Confirming the report's ratings puts every question into spaced repetition once, with the ratings chosen."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from pyprep.mock import services
from pyprep.mock.models import MockInterview
from pyprep.mock.tests.factories import make_concepts, start_mock
from pyprep.practice.models import Card, Review
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(candidate: Any) -> MockInterview:
    make_concepts(4)
    mock = start_mock(Owner(user_id=candidate.pk))
    items = list(mock.items.order_by("position"))
    services.mock_item_answer(mock=mock, item=items[0], answer="Lists are mutable and can change in place.")
    services.mock_item_answer(mock=mock, item=items[1], answer="", skip=True)
    return services.mock_finish(mock=mock, ending=MockInterview.Ending.ENDED)


def test_the_report_suggests_a_rating_per_question_with_its_reason(
    client: Client, finished: MockInterview
) -> None:
    items = list(finished.items.order_by("position"))
    assert [item.suggested_grade for item in items] == [Grade.HARD, Grade.AGAIN, Grade.AGAIN, Grade.AGAIN]
    page = client.get(f"/mock/{finished.pk}/report/").content.decode()
    assert "Partial: 1 of 2 key points covered." in page
    assert "Hard (suggested)" in page
    assert "1 covered · 1 missed · 0 contradicted" in page


def test_confirming_makes_one_card_and_review_per_question_with_the_changed_rating(
    client: Client, candidate: Any, finished: MockInterview
) -> None:
    first = finished.items.get(position=0)
    response = client.post(f"/mock/{finished.pk}/confirm/", {f"grade-{first.pk}": str(int(Grade.EASY))})
    assert response["Location"] == f"/mock/{finished.pk}/report/"
    reviews = Review.objects.filter(card__user=candidate)
    assert reviews.count() == 4
    assert reviews.get(card__question=first.question).grade == Grade.EASY
    assert sorted(reviews.values_list("grade", flat=True)) == [1, 1, 1, 4]
    finished.refresh_from_db()
    assert finished.state == MockInterview.State.CONFIRMED
    assert "See your progress" in client.get(response["Location"]).content.decode()


def test_confirming_twice_schedules_nothing_twice(
    client: Client, candidate: Any, finished: MockInterview
) -> None:
    client.post(f"/mock/{finished.pk}/confirm/")
    again = client.post(f"/mock/{finished.pk}/confirm/", {f"grade-{finished.items.first().pk}": "4"})  # type: ignore[union-attr]
    assert again.status_code == 302
    assert Review.objects.filter(card__user=candidate).count() == 4
    assert Card.objects.filter(user=candidate).count() == 4


def test_a_rating_that_is_not_one_to_four_is_a_bad_request(client: Client, finished: MockInterview) -> None:
    item = finished.items.get(position=0)
    for value in ("9", "good"):
        assert client.post(f"/mock/{finished.pk}/confirm/", {f"grade-{item.pk}": value}).status_code == 400
    assert not Review.objects.exists()


def test_a_running_mock_cannot_be_confirmed(client: Client, candidate: Any) -> None:
    make_concepts(4, prefix="x")
    mock = start_mock(Owner(user_id=candidate.pk))
    assert client.post(f"/mock/{mock.pk}/confirm/").status_code == 400
    assert not Review.objects.exists()


def test_the_history_shows_the_trend_of_finished_mocks(client: Client, finished: MockInterview) -> None:
    page = client.get("/mock/history/").content.decode()
    assert 'svg class="chart"' in page
    assert "12%" in page  # 1 of 8 key points, 12.5% rounded to even

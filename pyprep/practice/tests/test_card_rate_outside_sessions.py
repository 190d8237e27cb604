"""A question rated outside a practice session (a mock interview's report) gets a card and a review like any other."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pyprep.practice.models import Card, Review
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade
from pyprep.practice.services import card_rate
from pyprep.practice.tests.factories import make_question

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_rating_a_new_question_makes_its_card_and_logs_the_review() -> None:
    question = make_question()
    owner = Owner(session_key="visitor")
    review = card_rate(owner=owner, question=question, grade=Grade.GOOD, now=NOW, answer="mine", covered=1)
    card = Card.objects.owned_by(owner).get(question=question)
    assert review.card == card
    assert (review.grade, review.answer, review.covered, review.reviewed_at) == (Grade.GOOD, "mine", 1, NOW)
    assert card.last_review == NOW
    assert card.due > NOW


def test_rating_a_question_with_a_card_moves_that_card() -> None:
    question = make_question()
    owner = Owner(session_key="visitor")
    card_rate(owner=owner, question=question, grade=Grade.GOOD, now=NOW)
    first_due = Card.objects.get().due
    card_rate(owner=owner, question=question, grade=Grade.AGAIN, now=first_due)
    assert Card.objects.count() == 1
    assert Review.objects.count() == 2
    assert Card.objects.get().due < first_due + (first_due - NOW)

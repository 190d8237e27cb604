"""The last rating can be taken back (one step, like Anki): the card's memory and review log are as before."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from pyprep.practice.models import Card, PracticeSession, Review, Scope
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade
from pyprep.practice.services import NothingToUndo, review_record, review_undo, session_start
from pyprep.practice.tests.factories import make_questions, make_user

pytestmark = pytest.mark.django_db


def _session(user_id: int, count: int = 2) -> PracticeSession:
    ids = [q.pk for q in make_questions(count)]
    return session_start(owner=Owner(user_id=user_id), scope=Scope.FILTER, candidate_ids=ids, title="t")


def _card_state(card: Card) -> tuple[object, ...]:
    card.refresh_from_db()
    return (card.phase, card.step, card.stability, card.difficulty, card.due, card.last_review)


def test_undo_restores_the_cards_fsrs_state_and_removes_the_review() -> None:
    user = make_user()
    first = _session(user.pk)
    item = first.items.get(position=0)
    review_record(item=item, grade=Grade.GOOD)
    card = Card.objects.get(user=user, question_id=item.question_id)
    before = _card_state(card)
    second = session_start(
        owner=Owner(user_id=user.pk), scope=Scope.QUESTION, candidate_ids=[item.question_id], title="again"
    )
    again = second.items.get()
    review_record(item=again, grade=Grade.AGAIN)
    assert _card_state(card) != before

    undone = review_undo(session=second)

    assert undone.pk == again.pk
    assert _card_state(card) == before
    assert Review.objects.filter(card=card).count() == 1
    undone.refresh_from_db()
    assert undone.review is None
    second.refresh_from_db()
    assert second.finished_at is None  # the session is open again, on the card to re-rate


def test_undoing_a_first_rating_makes_the_question_new_again() -> None:
    user = make_user()
    session = _session(user.pk)
    item = session.items.get(position=0)
    review_record(item=item, grade=Grade.EASY)
    review_undo(session=session)
    assert not Card.objects.filter(user=user).exists()
    assert not Review.objects.exists()


def test_only_one_step_can_be_undone() -> None:
    user = make_user()
    session = _session(user.pk)
    for item in session.items.order_by("position"):
        review_record(item=item, grade=Grade.GOOD)
    review_undo(session=session)
    with pytest.raises(NothingToUndo):
        review_undo(session=session)
    assert Review.objects.count() == 1


def test_the_undo_button_takes_back_the_rating_and_only_the_owner_can_use_it(client: Client) -> None:
    owner, stranger = make_user(), make_user()
    session = _session(owner.pk)
    client.force_login(owner)
    first = session.items.get(position=0)
    client.post(reverse("practice:reveal", args=[session.pk]), {"item": first.pk, "answer": ""})
    client.post(reverse("practice:rate", args=[session.pk]), {"item": first.pk, "grade": Grade.AGAIN})
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Undo last rating" in page

    other = Client()
    other.force_login(stranger)
    assert other.post(reverse("practice:undo", args=[session.pk])).status_code == 404
    assert Review.objects.count() == 1

    response = client.post(reverse("practice:undo", args=[session.pk]), follow=True)
    assert Review.objects.count() == 0
    page = response.content.decode()
    assert "Card 1 of 2" in page
    assert 'id="rate-form"' in page  # the card is back, revealed, waiting for a new rating
    assert "Undo last rating" not in page

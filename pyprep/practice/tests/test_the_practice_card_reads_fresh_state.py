"""The practice card page reads its question from the bank's cache and the visitor's memory of the card in
the same query as the card: an edited question shows at once, and each visitor's buttons show their own
intervals, never another visitor's."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from pyprep.practice import selectors, services
from pyprep.practice.models import Scope
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade, Memory, humanize_interval, next_intervals
from pyprep.practice.tests.factories import (
    make_card_remembered_well,
    make_question,
    make_questions,
    make_user,
)

pytestmark = pytest.mark.django_db


def _start(owner: Owner, question_ids: list[int]) -> int:
    session = services.session_start(
        owner=owner, scope=Scope.FILTER, candidate_ids=question_ids, title="Fresh", length=len(question_ids)
    )
    return session.pk


def test_a_question_edited_after_its_card_was_shown_shows_its_new_title(client: Client) -> None:
    question = make_question(title="What does the old title ask?")
    url = client.post("/practice/sessions/", {})["Location"]
    assert "What does the old title ask?" in client.get(url).content.decode()
    question.title = "What does the new title ask?"
    question.save()
    page = client.get(url).content.decode()
    assert "What does the new title ask?" in page
    assert "old title" not in page


@pytest.mark.parametrize("signed_in", [True, False], ids=["account", "anonymous"])
def test_the_rating_buttons_show_the_visitors_own_memory_of_the_card(signed_in: bool) -> None:
    question = make_question()
    owner = Owner(user_id=make_user().pk) if signed_in else Owner(session_key="k" * 32)
    card = make_card_remembered_well(owner=owner, question_id=question.pk)
    pk = _start(owner, [question.pk])
    now = timezone.now()
    view = selectors.session_view_owned(owner=owner, pk=pk, now=now)
    assert view is not None
    assert view.current is not None
    expected = [
        (grade, humanize_interval(delta)) for grade, delta in next_intervals(card.memory, now=now).items()
    ]
    fresh = [(grade, humanize_interval(delta)) for grade, delta in next_intervals(Memory(), now=now).items()]
    assert view.current.intervals == expected
    assert expected != fresh


def test_another_visitors_memory_of_the_same_question_is_not_used() -> None:
    question = make_question()
    make_card_remembered_well(owner=Owner(user_id=make_user().pk), question_id=question.pk)
    make_card_remembered_well(owner=Owner(session_key="s" * 32), question_id=question.pk)
    owner = Owner(user_id=make_user().pk)
    now = timezone.now()
    view = selectors.session_view_owned(owner=owner, pk=_start(owner, [question.pk]), now=now)
    assert view is not None
    assert view.current is not None
    fresh = [(grade, humanize_interval(delta)) for grade, delta in next_intervals(Memory(), now=now).items()]
    assert view.current.intervals == fresh


def test_the_progress_counted_with_the_session_matches_the_ratings() -> None:
    questions = make_questions(3)
    owner = Owner(user_id=make_user().pk)
    pk = _start(owner, [q.pk for q in questions])
    first = selectors.session_view_owned(owner=owner, pk=pk)
    assert first is not None
    assert first.current is not None
    assert (first.total, first.done, first.can_undo) == (3, 0, False)
    services.review_record(item=first.current.item, grade=Grade.GOOD)
    second = selectors.session_view_owned(owner=owner, pk=pk)
    assert second is not None
    assert second.current is not None
    assert (second.total, second.done, second.can_undo) == (3, 1, True)
    assert second.current.item.position > first.current.item.position


def test_someone_elses_session_is_not_found() -> None:
    owner = Owner(user_id=make_user().pk)
    pk = _start(owner, [make_question().pk])
    assert selectors.session_view_owned(owner=Owner(user_id=make_user().pk), pk=pk) is None
    assert selectors.session_view_owned(owner=Owner(), pk=pk) is None

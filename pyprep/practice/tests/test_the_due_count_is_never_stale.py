"""The nav's due count is cached per visitor, yet every action that moves a card shows on the very next page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from pyprep.bank.models import Question, Status
from pyprep.practice import selectors
from pyprep.practice.models import Card, PracticeSession, Scope
from pyprep.practice.ownership import Owner
from pyprep.practice.services import owner_merge, session_start
from pyprep.practice.tests.factories import make_question, make_user

pytestmark = pytest.mark.django_db


def _badge(client: Client) -> int:
    found = re.search(r"(\d+) due</span>", client.get("/questions/").content.decode())
    return int(found.group(1)) if found else 0


def _due_cards(owner: Owner, count: int) -> list[Question]:
    questions = [make_question() for _ in range(count)]
    for question in questions:
        Card.objects.create(**owner.fields(), question=question, due=timezone.now() - timedelta(days=1))
    return questions


def _due_session(client: Client, user_id: int) -> PracticeSession:
    session = session_start(
        owner=Owner(user_id=user_id),
        scope=Scope.DUE,
        candidate_ids=selectors.due_question_ids(owner=Owner(user_id=user_id)),
        title="Due",
    )
    return session


def test_rating_a_due_card_takes_it_off_the_badge_and_undoing_puts_it_back(client: Client) -> None:
    user = make_user()
    _due_cards(Owner(user_id=user.pk), 2)
    client.force_login(user)
    assert _badge(client) == 2
    session = _due_session(client, user.pk)
    item = session.items.get(position=0)
    client.post(f"/practice/sessions/{session.pk}/reveal/", {"item": item.pk, "answer": ""})
    # Easy sends a card days away; Good on a learning card brings it back within the day.
    client.post(f"/practice/sessions/{session.pk}/rate/", {"item": item.pk, "grade": 4})
    assert _badge(client) == 1
    client.post(f"/practice/sessions/{session.pk}/undo/")
    assert _badge(client) == 2


def test_a_card_written_behind_the_cache_shows_on_the_next_page(client: Client) -> None:
    user = make_user()
    owner = Owner(user_id=user.pk)
    client.force_login(user)
    assert _badge(client) == 0
    _due_cards(owner, 1)
    assert _badge(client) == 1
    Card.objects.get(user=user).delete()
    assert _badge(client) == 0


def test_archiving_a_question_takes_its_card_off_the_badge(client: Client) -> None:
    user = make_user()
    (question,) = _due_cards(Owner(user_id=user.pk), 1)
    client.force_login(user)
    assert _badge(client) == 1
    question.status = Status.ARCHIVED
    question.save()
    assert _badge(client) == 0


def test_a_card_due_tomorrow_is_counted_tomorrow() -> None:
    user = make_user()
    owner = Owner(user_id=user.pk)
    Card.objects.create(**owner.fields(), question=make_question(), due=timezone.now() + timedelta(days=1))
    assert selectors.due_count(owner=owner) == 0
    assert selectors.due_count(owner=owner, now=timezone.now() + timedelta(days=1)) == 1


def test_cards_moved_into_an_account_are_counted_there_and_no_longer_for_the_browser() -> None:
    user = make_user()
    anonymous = Owner(session_key="a" * 32)
    _due_cards(anonymous, 1)
    assert selectors.due_count(owner=anonymous) == 1
    assert selectors.due_count(owner=Owner(user_id=user.pk)) == 0
    owner_merge(session_key=anonymous.session_key, user_id=user.pk)
    assert selectors.due_count(owner=anonymous) == 0
    assert selectors.due_count(owner=Owner(user_id=user.pk)) == 1

"""At most PYPREP_NEW_CARDS_PER_DAY never-seen questions are introduced a day; due cards come first."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from pyprep.practice.models import Card, Scope
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade
from pyprep.practice.services import NothingToPractise, review_record, session_start
from pyprep.practice.tests.factories import make_questions, make_user

pytestmark = pytest.mark.django_db


def test_a_session_holds_back_new_questions_over_the_daily_limit(settings: Any) -> None:
    settings.PYPREP_NEW_CARDS_PER_DAY = 2
    owner = Owner(user_id=make_user().pk)
    ids = [q.pk for q in make_questions(5)]
    session = session_start(owner=owner, scope=Scope.FILTER, candidate_ids=ids, title="t", length=5)
    for item in session.items.all():
        review_record(item=item, grade=Grade.GOOD)
    assert session.items.count() == 2
    with pytest.raises(NothingToPractise, match="limit of 2 new"):
        session_start(owner=owner, scope=Scope.FILTER, candidate_ids=ids[2:], title="t")


def test_due_cards_come_before_new_ones() -> None:
    owner = Owner(user_id=make_user().pk)
    old, *new = make_questions(3)
    Card.objects.create(**owner.fields(), question=old, due=timezone.now() - timedelta(days=2))
    session = session_start(
        owner=owner, scope=Scope.FILTER, candidate_ids=[q.pk for q in [*new, old]], title="t"
    )
    assert session.items.order_by("position")[0].question == old


def test_the_due_scope_with_nothing_due_explains_itself() -> None:
    with pytest.raises(NothingToPractise, match="Nothing is due"):
        session_start(owner=Owner(user_id=make_user().pk), scope=Scope.DUE, candidate_ids=[], title="t")

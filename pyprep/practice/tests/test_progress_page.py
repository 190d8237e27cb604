"""The progress page: an empty state before practice, then figures, weak topics and readable charts."""

from __future__ import annotations

import pytest
from django.test import Client

from pyprep.practice.models import Scope
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade
from pyprep.practice.services import review_record, session_start
from pyprep.practice.tests.factories import make_question, make_topic, make_user

pytestmark = pytest.mark.django_db


def test_before_any_practice_the_page_says_how_to_start(client: Client) -> None:
    assert "Nothing practised yet" in client.get("/practice/progress/").content.decode()


def test_after_practice_it_shows_streak_weak_topics_and_labelled_charts(client: Client) -> None:
    user = make_user()
    hard = make_question(topics=[make_topic(slug="internals", name="Internals")])
    easy = make_question(topics=[make_topic(slug="basics", name="Basics")])
    session = session_start(
        owner=Owner(user_id=user.pk), scope=Scope.FILTER, candidate_ids=[hard.pk, easy.pk], title="t"
    )
    for item in session.items.all():
        review_record(item=item, grade=Grade.AGAIN if item.question == hard else Grade.EASY)
    client.force_login(user)
    page = client.get("/practice/progress/").content.decode()
    assert "1 day" in page  # streak
    assert "Practise Internals" in page
    assert "Practise Basics" not in page  # recalled well enough a week from now
    assert "<svg" in page
    assert "<desc" in page  # every bar's value in words, not only in colour

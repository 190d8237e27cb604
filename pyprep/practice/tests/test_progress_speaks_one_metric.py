"""Progress uses one recall figure, defined on the page; an "Again" shows as a lapse at once; days read as a heat map."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from pyprep.practice import mastery
from pyprep.practice.models import Scope
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade
from pyprep.practice.services import review_record, session_start
from pyprep.practice.tests.factories import make_question, make_topic, make_user

pytestmark = pytest.mark.django_db


def _rate_twice(user_id: int, question_ids: list[int], grades: list[Grade]) -> None:
    for grade in grades:
        session = session_start(
            owner=Owner(user_id=user_id), scope=Scope.FILTER, candidate_ids=question_ids, title="t"
        )
        for item in session.items.all():
            review_record(item=item, grade=grade)


def test_an_again_shows_as_a_lapse_with_the_same_figure_in_the_table_and_the_weakest_list(
    client: Client,
) -> None:
    user = make_user()
    concurrency = make_topic(slug="concurrency", name="Concurrency")
    questions = [make_question(topics=[concurrency]) for _ in range(4)]
    ids = [q.pk for q in questions]
    _rate_twice(user.pk, ids[:3], [Grade.EASY])
    _rate_twice(user.pk, ids[3:], [Grade.EASY, Grade.AGAIN])  # one card forgotten just now
    client.force_login(user)
    page = client.get("/practice/progress/").content.decode()

    assert "Recall in a week</strong> is the scheduler" in page  # the one metric, defined on the page
    row = re.search(r'<th scope="row">Concurrency</th>(.*?)</tr>', page, re.S)
    assert row is not None
    table_percent = re.search(r"(\d+)%", row.group(1))
    assert table_percent is not None
    assert "1 lapse" in row.group(1)
    assert "(weak)" in row.group(1)
    assert f"Concurrency</strong> — {table_percent.group(1)}% recall in a week, 1 lapse" in page
    assert "100%" not in row.group(1)


def test_the_heat_map_names_each_day_and_its_reviews(client: Client) -> None:
    user = make_user()
    question = make_question()
    _rate_twice(user.pk, [question.pk], [Grade.GOOD])
    client.force_login(user)
    page = client.get("/practice/progress/").content.decode()
    today = timezone.localdate()
    label = f'aria-label="1 review on {today:%a} {today.day} {today:%b %Y}"'
    assert label in page
    assert page.count('role="listitem"') == (today - mastery.heat_first_day(today=today)).days + 1
    assert "streak 1 day" in page


def test_heat_weeks_are_monday_to_sunday_columns_ending_today() -> None:
    today = date(2026, 12, 2)  # a Wednesday
    weeks = mastery.heat_weeks(today=today, counts={today: 4, today - timedelta(days=8): 12}, weeks=3)
    assert len(weeks) == 3
    assert weeks[0][0] is not None
    assert weeks[0][0].day == date(2026, 11, 16)  # a Monday
    last = weeks[-1]
    assert [cell.count if cell else None for cell in last] == [0, 0, 4, None, None, None, None]
    assert weeks[1][1] is not None
    assert weeks[1][1].level == 4  # twelve reviews: the darkest shade

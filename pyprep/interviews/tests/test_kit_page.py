"""The kit page and its CSV sheet: no account, a seed in the address, 400 on bad parameters, widen when short."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.test import Client

from pyprep.bank.models import CuratedSet, CuratedSetItem, Question
from pyprep.interviews.sheet import COLUMNS
from pyprep.interviews.tests.factories import make_bank, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def bank() -> None:
    make_bank(level="senior", count=8, topics=3)
    make_bank(level="mid", count=2, topics=1, challenge=False)


def _titles(html: str) -> list[str]:
    return re.findall(r'<h2><span class="kit-number">\d+\.</span> (.*?)</h2>', html)


def test_the_kit_without_a_level_offers_a_form(client: Client) -> None:
    response = client.get("/interviews/kit/")
    assert response.status_code == 200
    assert b"Build the kit" in response.content


def test_a_kit_without_a_seed_redirects_to_one_with_a_seed(client: Client) -> None:
    response = client.get("/interviews/kit/?level=senior&count=3")
    assert response.status_code == 302
    assert re.search(r"level=senior&count=3&seed=\d+$", response["Location"])


def test_the_same_seed_draws_the_same_questions_balanced_across_topics(client: Client) -> None:
    first = client.get("/interviews/kit/?level=senior&count=6&seed=5").content.decode()
    again = client.get("/interviews/kit/?level=senior&count=6&seed=5").content.decode()
    assert _titles(first) == _titles(again)
    assert len(_titles(first)) == 6
    topics = re.findall(r"Senior · (Topic \d)", first)
    assert sorted(topics.count(t) for t in set(topics)) == [2, 2, 2]


def test_each_question_shows_rubric_rows_follow_ups_red_flags_and_a_time(client: Client) -> None:
    html = client.get("/interviews/kit/?level=senior&count=1&seed=1").content.decode()
    assert html.count("How to score each rubric row") == 1
    assert re.search(r"Point A of question \d+\.", html)
    assert re.search(r"Point B of question \d+\.", html)
    assert re.search(r"Follow-up for question \d+\?", html)
    assert re.search(r"Wrong belief \d+", html)
    assert re.search(r"Correction \d+\.", html)
    assert "suggested time 8 min" in html
    assert "In short, a strong answer:" in html
    assert "A short summary." in html
    assert "Print / save as PDF" in html


def test_challenge_one_adds_a_single_live_coding_item(client: Client) -> None:
    html = client.get("/interviews/kit/?level=senior&count=2&seed=3&challenge=1").content.decode()
    titles = _titles(html)
    assert len(titles) == 3
    assert titles[-1] == "Implement a bounded queue (senior)"
    assert "Live coding" in html
    assert "suggested time 30 min" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("level=boss", "Unknown level &#x27;boss&#x27;"),
        ("level=senior&count=40", "count must be a whole number from 1 to 15"),
        ("level=senior&count=0", "count must be a whole number from 1 to 15"),
        ("level=senior&topic=nope", "Unknown topic &#x27;nope&#x27;"),
        ("level=senior&seed=abc", "seed must be a whole number"),
        ("level=senior&level=mid", "exactly one level"),
        ("level=senior&set=missing&seed=1", "No curated set with slug"),
        ("level=senior&challenge=maybe", "challenge must be 1 or 0"),
    ],
)
def test_bad_parameters_answer_400_with_the_reason(client: Client, query: str, message: str) -> None:
    for path in ("/interviews/kit/", "/interviews/kit/sheet.csv"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400, path
        assert message in response.content.decode()


def test_too_few_questions_says_how_many_and_offers_to_widen(client: Client) -> None:
    html = client.get("/interviews/kit/?level=mid&count=5&seed=2").content.decode()
    assert "Only 2 mid questions fit these choices" in html
    assert "you asked for 5" in html
    assert 'href="/interviews/kit/?level=mid&amp;count=2&amp;seed=2"' in html
    assert "Senior questions instead (8 fit)" in html
    assert len(_titles(html)) == 2


def test_too_few_on_a_topic_offers_every_topic(client: Client) -> None:
    html = client.get("/interviews/kit/?level=senior&count=5&topic=topic-1&seed=2").content.decode()
    assert "Only 3 senior questions fit" in html
    assert "Every topic at this level" in html


def test_a_set_narrows_the_kit_to_its_questions(client: Client) -> None:
    curated = CuratedSet.objects.create(slug="mine", title="Mine")
    CuratedSetItem.objects.create(curated_set=curated, question_id=_senior_id("senior-q0"), position=0)
    html = client.get("/interviews/kit/?level=senior&count=1&set=mine&seed=4").content.decode()
    assert _titles(html) == ["How does the GIL affect threads?"]


def _senior_id(slug: str) -> int:
    return Question.objects.get(slug=slug).pk


def test_the_sheet_has_one_row_per_question_and_rubric_row(client: Client) -> None:
    response = client.get("/interviews/kit/sheet.csv?level=senior&count=3&seed=9&challenge=1")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="pyprep-kit-senior-seed9.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 1 + 4 * 2  # 3 questions and a challenge, 2 key points each
    assert all(row[5] == "" and row[6] == "" for row in rows[1:])
    page = client.get("/interviews/kit/?level=senior&count=3&seed=9&challenge=1").content.decode()
    assert list(dict.fromkeys(row[0] for row in rows[1:])) == [
        t.replace("&#x27;", "'") for t in _titles(page)
    ]


def test_an_anonymous_visitor_is_invited_to_log_in_to_save(client: Client) -> None:
    html = client.get("/interviews/kit/?level=senior&count=2&seed=1").content.decode()
    assert "to save this kit as an interview plan" in html
    assert "Save as interview plan" not in html


def test_a_level_with_no_questions_says_so_and_points_to_the_next_level(client: Client) -> None:
    client.force_login(make_user("someone"))
    html = client.get("/interviews/kit/?level=expert&count=3&seed=1").content.decode()
    assert "Only 0 expert questions fit" in html
    assert "No question fits these choices." in html
    assert "Senior questions instead (8 fit)" in html
    assert "Ask 0" not in html
    assert "Save as interview plan" not in html

"""A practice session is stored as it goes: a reload shows the same card, revealed or not, and loses no rating."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from pyprep.practice.models import PracticeSession, Review
from pyprep.practice.tests.factories import make_question, make_questions

pytestmark = pytest.mark.django_db


def _item(html: str) -> str:
    found = re.search(r'name="item" value="(\d+)"', html)
    assert found
    return found.group(1)


def test_a_session_walks_question_reveal_rate_and_ends_with_a_summary(client: Client) -> None:
    make_questions(3)
    response = client.post("/practice/sessions/", {"length": "2"})
    url = response["Location"]
    page = client.get(url).content.decode()
    assert "Card 1 of 2" in page
    item = _item(page)
    client.post(url + "reveal/", {"item": item, "answer": "Lists are mutable, they change in place."})
    revealed = client.get(url).content.decode()
    assert "1 of 1 covered" in revealed
    assert '<mark class="mark-covered">Lists are mutable, they change in place.</mark>' in revealed
    client.post(url + "rate/", {"item": item, "grade": "3"})
    second = client.get(url).content.decode()
    assert "Card 2 of 2" in second
    client.post(url + "rate/", {"item": _item(second), "grade": "1"})
    summary = client.get(url, follow=True).content.decode()
    assert "Session complete" in summary
    assert "2 of 2" in summary


def test_a_reload_after_revealing_keeps_the_typed_answer(client: Client) -> None:
    make_question()
    url = client.post("/practice/sessions/", {})["Location"]
    item = _item(client.get(url).content.decode())
    client.post(url + "reveal/", {"item": item, "answer": "my careful answer"})
    assert "my careful answer" in client.get(url).content.decode()
    assert "my careful answer" in client.get(url).content.decode()


def test_rating_the_same_card_twice_records_one_review(client: Client) -> None:
    make_questions(2)
    url = client.post("/practice/sessions/", {})["Location"]
    item = _item(client.get(url).content.decode())
    client.post(url + "rate/", {"item": item, "grade": "3"})
    client.post(url + "rate/", {"item": item, "grade": "1"})
    assert Review.objects.count() == 1
    assert Review.objects.get().grade == 3


def test_ending_early_keeps_what_was_rated(client: Client) -> None:
    make_questions(3)
    url = client.post("/practice/sessions/", {})["Location"]
    client.post(url + "rate/", {"item": _item(client.get(url).content.decode()), "grade": "4"})
    client.post(url + "end/")
    session = PracticeSession.objects.get()
    assert session.finished_at is not None
    assert Review.objects.count() == 1

"""What a visitor practised before signing up (or logging in) belongs to their account afterwards."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from pyprep.practice.models import Card, PracticeSession, Star
from pyprep.practice.tests.factories import make_question, make_user

pytestmark = pytest.mark.django_db


def _practise_one(client: Client) -> None:
    url = client.post("/practice/sessions/", {"length": "1"})["Location"]
    item = re.search(r'name="item" value="(\d+)"', client.get(url).content.decode())
    assert item
    client.post(url + "rate/", {"item": item.group(1), "grade": "3"})


def test_signing_up_keeps_cards_sessions_and_stars(client: Client) -> None:
    question = make_question()
    _practise_one(client)
    client.post(f"/practice/questions/{question.slug}/star/")
    client.post(
        "/accounts/signup/",
        {
            "username": "newbie",
            "email": "n@example.com",
            "password1": "a long passphrase",
            "password2": "a long passphrase",
        },
    )
    card = Card.objects.get()
    assert card.user is not None
    assert card.user.username == "newbie"
    assert card.session_key == ""
    assert PracticeSession.objects.get().user == card.user
    assert Star.objects.get().user == card.user


def test_logging_in_merges_with_existing_history(client: Client) -> None:
    user = make_user(username="returning")
    make_question()
    _practise_one(client)
    client.post("/accounts/login/", {"username": "returning", "password": "correct horse battery"})
    assert Card.objects.get().user == user

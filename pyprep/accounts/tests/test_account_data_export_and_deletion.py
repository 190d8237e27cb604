"""A person can download everything pyprep holds about them, and delete it all."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from pyprep.practice.models import Card, Note, Scope
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade
from pyprep.practice.services import note_save, review_record, session_start
from pyprep.practice.tests.factories import make_question, make_user

pytestmark = pytest.mark.django_db


def _practised_user() -> Any:
    user = make_user(username="exporter")
    question = make_question(slug="lists")
    owner = Owner(user_id=user.pk)
    session = session_start(owner=owner, scope=Scope.FILTER, candidate_ids=[question.pk], title="t")
    review_record(item=session.items.get(), grade=Grade.HARD)
    note_save(owner=owner, question=question, text="my note")
    return user


def test_the_export_holds_account_cards_reviews_sessions_and_notes(client: Client) -> None:
    client.force_login(_practised_user())
    response = client.get("/accounts/export/")
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["account"]["username"] == "exporter"
    assert data["cards"][0]["question"] == "lists"
    assert data["cards"][0]["reviews"][0]["rating"] == "Hard"
    assert data["sessions"][0]["items"][0]["question"] == "lists"
    assert data["notes"][0]["text"] == "my note"


def test_deleting_needs_the_password_and_removes_every_row(client: Client) -> None:
    client.force_login(_practised_user())
    assert client.post("/accounts/delete/", {"password": "nope"}).status_code == 200
    assert get_user_model().objects.filter(username="exporter").exists()
    client.post("/accounts/delete/", {"password": "correct horse battery"})
    assert not get_user_model().objects.filter(username="exporter").exists()
    assert not Card.objects.exists()
    assert not Note.objects.exists()


def test_the_export_needs_a_login(client: Client) -> None:
    assert client.get("/accounts/export/").status_code == 302

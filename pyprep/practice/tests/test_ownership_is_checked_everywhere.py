"""Nobody can read or change another person's session, review or note by guessing its number."""

from __future__ import annotations

import pytest
from django.test import Client

from pyprep.practice.models import Note, PracticeSession, Review, Scope
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade
from pyprep.practice.services import note_save, review_record, session_start
from pyprep.practice.tests.factories import make_question, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def victim_data() -> tuple[PracticeSession, Review, Note]:
    victim = make_user(username="victim")
    question = make_question()
    owner = Owner(user_id=victim.pk)
    session = session_start(owner=owner, scope=Scope.FILTER, candidate_ids=[question.pk], title="Mine")
    review = review_record(item=session.items.get(), grade=Grade.GOOD)
    note = note_save(owner=owner, question=question, text="secret note")
    assert note is not None
    return session, review, note


@pytest.fixture
def intruder(client: Client) -> Client:
    client.force_login(make_user(username="intruder"))
    return client


def test_another_users_session_pages_are_not_found(intruder: Client, victim_data: tuple) -> None:
    session, _review, _note = victim_data
    for path in (f"/practice/sessions/{session.pk}/", f"/practice/sessions/{session.pk}/summary/"):
        assert intruder.get(path).status_code == 404


def test_another_users_session_cannot_be_revealed_rated_or_ended(
    intruder: Client, victim_data: tuple
) -> None:
    session, _review, _note = victim_data
    item = session.items.get()
    assert (
        intruder.post(
            f"/practice/sessions/{session.pk}/reveal/", {"item": item.pk, "answer": "x"}
        ).status_code
        == 404
    )
    assert (
        intruder.post(f"/practice/sessions/{session.pk}/rate/", {"item": item.pk, "grade": 1}).status_code
        == 404
    )
    assert intruder.post(f"/practice/sessions/{session.pk}/end/").status_code == 404


def test_another_users_review_is_not_found(intruder: Client, victim_data: tuple) -> None:
    _session, review, _note = victim_data
    assert intruder.get(f"/practice/reviews/{review.pk}/").status_code == 404


def test_another_users_note_is_neither_shown_nor_changed(intruder: Client, victim_data: tuple) -> None:
    _session, _review, note = victim_data
    page = intruder.get(note.question.get_absolute_url()).content.decode()
    assert "secret note" not in page
    intruder.post(f"/practice/questions/{note.question.slug}/note/", {"text": ""})
    note.refresh_from_db()
    assert note.text == "secret note"


def test_an_anonymous_visitor_cannot_open_a_users_session(client: Client, victim_data: tuple) -> None:
    session, review, _note = victim_data
    assert client.get(f"/practice/sessions/{session.pk}/").status_code == 404
    assert client.get(f"/practice/reviews/{review.pk}/").status_code == 404

"""The practice card keeps the parts that are the same for everyone rendered (the question, its answer, the
rating buttons), yet every page a visitor sees after they or a curator act is the page as it is now."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from pyprep.bank.models import Question
from pyprep.bank.services import question_after_admin_save
from pyprep.practice.models import Card, PracticeSession, Scope, SessionItem
from pyprep.practice.ownership import Owner
from pyprep.practice.services import session_start
from pyprep.practice.tests.factories import make_card_remembered_well, make_question, make_user

pytestmark = pytest.mark.django_db


def _signed_in(client: Client) -> Owner:
    user = make_user()
    client.force_login(user)
    return Owner(user_id=user.pk)


def _start(owner: Owner, questions: list[Question]) -> PracticeSession:
    return session_start(
        owner=owner, scope=Scope.FILTER, candidate_ids=[q.pk for q in questions], title="Cards", length=9
    )


def _current(session: PracticeSession) -> SessionItem:
    item = session.items.filter(review__isnull=True).order_by("position").select_related("question").first()
    assert item is not None
    return item


def _reveal(client: Client, session: PracticeSession) -> str:
    url = session.get_absolute_url()
    client.post(url + "reveal/", {"item": _current(session).pk, "answer": "lists change in place"})
    return client.get(url).content.decode()


def _rate(client: Client, session: PracticeSession, grade: int) -> None:
    url = session.get_absolute_url()
    assert client.post(url + "rate/", {"item": _current(session).pk, "grade": grade}).status_code == 302


def _intervals(page: str) -> list[str]:
    return re.findall(r'<span class="interval">([^<]+)</span>', page)


def _badge(page: str) -> int:
    found = re.search(r"(\d+) due</span>", page)
    return int(found.group(1)) if found else 0


def test_a_curator_edit_shows_on_the_card_and_on_its_revealed_answer(client: Client) -> None:
    question = make_question(title="Are lists mutable?", summary="Old summary.", answer="Old answer.")
    session = _start(_signed_in(client), [question])
    url = session.get_absolute_url()
    assert "Are lists mutable?" in client.get(url).content.decode()
    assert "Old summary." in _reveal(client, session)

    question.title = "Are Python lists mutable?"
    question.summary = "New summary."
    question.answer = "New answer."
    question.save()
    question_after_admin_save(question=question)

    page = client.get(url).content.decode()
    assert "Are Python lists mutable?" in page
    assert "New summary." in page
    assert "New answer." in page
    assert "Old summary." not in page
    assert "Old answer." not in page


def test_rating_a_card_shows_the_next_card_with_its_own_answer_and_the_due_count(client: Client) -> None:
    questions = [make_question(summary="One summary."), make_question(summary="Two summary.")]
    owner = _signed_in(client)
    Card.objects.create(**owner.fields(), question=make_question(), due=timezone.now() - timedelta(days=1))
    session = _start(owner, questions)
    url = session.get_absolute_url()
    first, second = (item.question for item in session.items.order_by("position").select_related("question"))
    page = _reveal(client, session)
    assert first.summary in page
    assert _badge(page) == 1

    _rate(client, session, 4)  # Easy: a new card goes days away, so the due count stays

    page = client.get(url).content.decode()
    assert second.title in page
    assert first.title not in page
    assert "Card 2 of 2" in page
    assert _badge(page) == 1
    page = _reveal(client, session)
    assert second.summary in page
    assert first.summary not in page

    _rate(client, session, 1)  # Again: the card comes back today, so it is due
    assert _badge(client.get("/practice/").content.decode()) == 2


def test_each_card_shows_the_rating_intervals_of_its_own_memory(client: Client) -> None:
    fresh, known = make_question(), make_question()
    owner = _signed_in(client)
    make_card_remembered_well(owner=owner, question_id=known.pk)
    session = _start(owner, [fresh, known])
    assert _current(session).question == fresh  # new cards before the ones not yet due
    fresh_intervals = _intervals(_reveal(client, session))
    _rate(client, session, 3)

    known_page = _reveal(client, session)
    assert _current(session).question == known
    assert len(fresh_intervals) == 4
    assert _intervals(known_page) != fresh_intervals

    # Another visitor's fresh card reads the fresh intervals, not the last ones rendered.
    other = Client()
    assert _intervals(_reveal(other, _start(_signed_in(other), [fresh]))) == fresh_intervals


def test_the_cards_forms_carry_a_csrf_token_django_accepts() -> None:
    client = Client(enforce_csrf_checks=True)
    session = _start(_signed_in(client), [make_question()])
    url = session.get_absolute_url()
    page = client.get(url).content.decode()
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"', page))
    assert len(tokens) == 1  # one token per page, in every form
    (token,) = tokens
    item = _current(session).pk
    forged = token[:-1] + ("a" if token[-1] != "a" else "b")
    assert client.post(url + "reveal/", {"item": item, "csrfmiddlewaretoken": forged}).status_code == 403
    assert client.post(url + "reveal/", {"item": item, "csrfmiddlewaretoken": token}).status_code == 302
    assert _current(session).revealed_at is not None

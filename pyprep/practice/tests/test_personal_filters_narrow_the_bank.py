"""Signed-in readers narrow the bank to what they starred, noted or practised."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from pyprep.bank.models import Question
from pyprep.practice.ownership import Owner
from pyprep.practice.services import note_save, star_toggle

pytestmark = pytest.mark.usefixtures("bank")


@pytest.fixture
def reader(client: Client) -> Owner:
    user = get_user_model().objects.create_user("reader", "reader@example.com", "pw-reader-123")
    client.force_login(user)
    return Owner(user_id=user.pk)


def slugs(response: object) -> list[str]:
    return [q.slug for q in response.context["page"].object_list]  # type: ignore[attr-defined]


def test_starred_and_noted_questions_can_be_listed_alone(client: Client, reader: Owner) -> None:
    star_toggle(owner=reader, question=Question.objects.get(slug="dict-ordering"))
    note_save(owner=reader, question=Question.objects.get(slug="getattr-hooks"), text="Re-read the MRO part.")
    assert slugs(client.get("/questions/?mine=starred")) == ["dict-ordering"]
    assert slugs(client.get("/questions/?mine=noted")) == ["getattr-hooks"]
    assert slugs(client.get("/questions/?mine=starred&level=entry")) == []


def test_unseen_lists_every_question_not_practised_yet(client: Client, reader: Owner) -> None:
    assert len(slugs(client.get("/questions/?mine=unseen"))) == 6
    assert slugs(client.get("/questions/?mine=seen")) == []


def test_previous_and_next_stay_within_a_personal_filter(client: Client, reader: Owner) -> None:
    for slug in ("list-vs-tuple", "metaclass-basics"):
        star_toggle(owner=reader, question=Question.objects.get(slug=slug))
    neighbours = client.get("/questions/list-vs-tuple/?mine=starred").context["neighbours"]
    assert (neighbours.position, neighbours.total) == (1, 2)
    assert neighbours.next.slug == "metaclass-basics"


def test_the_mine_filter_is_offered_only_to_signed_in_readers(client: Client) -> None:
    assert 'name="mine"' not in client.get("/questions/").content.decode()
    assert client.get("/questions/?mine=starred").context["page"].paginator.count == 0


def test_an_unknown_mark_is_explained(client: Client, reader: Owner) -> None:
    page = client.get("/questions/?mine=liked").content.decode()
    assert "Unknown mine &#x27;liked&#x27;. Use one of: starred, noted, seen, unseen." in page

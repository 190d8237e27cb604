"""Star a question and keep a private note on it from its page, with htmx or without JavaScript."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from pyprep.practice.selectors import question_ids_marked
from pyprep.practice.tests.factories import make_question, make_questions, make_user

pytestmark = pytest.mark.django_db


def test_starring_twice_unstars(client: Client) -> None:
    question = make_question()
    url = f"/practice/questions/{question.slug}/star/"
    assert "★ Starred" in client.post(url, HTTP_HX_REQUEST="true").content.decode()
    assert "☆ Star" in client.post(url, HTTP_HX_REQUEST="true").content.decode()


def test_a_note_is_saved_shown_and_deleted_when_emptied(client: Client) -> None:
    question = make_question()
    url = f"/practice/questions/{question.slug}/note/"
    client.post(url, {"text": "remember the NaN case"})
    assert "remember the NaN case" in client.get(question.get_absolute_url()).content.decode()
    client.post(url, {"text": "  "})
    assert "remember the NaN case" not in client.get(question.get_absolute_url()).content.decode()


def test_marks_feed_the_bank_filters(client: Client) -> None:
    user = make_user()
    starred, noted, other = make_questions(3)
    client.force_login(user)
    client.post(f"/practice/questions/{starred.slug}/star/")
    client.post(f"/practice/questions/{noted.slug}/note/", {"text": "n"})
    assert question_ids_marked(user=user, mark="starred") == {starred.pk}
    assert question_ids_marked(user=user, mark="noted") == {noted.pk}
    assert question_ids_marked(user=user, mark="seen") == set()
    assert question_ids_marked(user=user, mark="unseen") == {starred.pk, noted.pk, other.pk}
    assert question_ids_marked(user=AnonymousUser(), mark="starred") == set()
    with pytest.raises(ValueError, match="Unknown mark"):
        question_ids_marked(user=user, mark="liked")


def test_a_note_over_5000_characters_is_refused_and_the_old_note_kept(client: Client) -> None:
    question = make_question()
    url = f"/practice/questions/{question.slug}/note/"
    client.post(url, {"text": "first thoughts"})
    page = client.post(url, {"text": "x" * 5001}, follow=True).content.decode()
    assert "A note can hold at most 5,000 characters." in page
    assert "first thoughts" in page

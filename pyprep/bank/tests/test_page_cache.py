"""Anonymous pages come from the page cache; personal pages never do; a change to the bank shows at once."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from pyprep.bank.models import Question

pytestmark = pytest.mark.usefixtures("bank")

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_a_second_anonymous_visitor_gets_the_page_without_a_query(
    django_assert_num_queries: object,
) -> None:
    first = Client().get("/questions/list-vs-tuple/").content.decode()
    with django_assert_num_queries(0):  # type: ignore[operator]
        second = Client().get("/questions/list-vs-tuple/").content.decode()
    anything_token = re.compile(r"[A-Za-z0-9]{64}")
    assert anything_token.sub("", first) == anything_token.sub("", second)


def test_each_anonymous_visitor_gets_their_own_working_csrf_token() -> None:
    Client().get("/questions/list-vs-tuple/")
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/questions/list-vs-tuple/").content.decode()
    tokens = set(TOKEN_RE.findall(page))
    assert len(tokens) == 1
    assert "@@" not in page
    # The star form posts with this visitor's token and cookie: not the token of whoever filled the cache.
    response = visitor.post("/practice/questions/list-vs-tuple/star/", {"csrfmiddlewaretoken": tokens.pop()})
    assert response.status_code in (200, 302)


def test_a_signed_in_reader_is_never_served_a_cached_page(client: Client) -> None:
    Client().get("/questions/")
    client.force_login(get_user_model().objects.create_user("reader", password="a long password 123"))
    assert "reader" in client.get("/questions/").content.decode()


def test_an_edited_question_shows_at_once() -> None:
    assert "Old title" not in Client().get("/questions/list-vs-tuple/").content.decode()
    question = Question.objects.get(slug="list-vs-tuple")
    question.title = "A brand new title"
    question.save()
    assert "A brand new title" in Client().get("/questions/list-vs-tuple/").content.decode()


def test_the_json_api_is_cached_for_everyone_and_varies_by_query(client: Client) -> None:
    tuples = client.get("/api/questions?q=tuple").json()
    metaclasses = client.get("/api/questions?q=metaclass").json()
    assert tuples != metaclasses
    assert client.get("/api/questions?q=tuple").json() == tuples

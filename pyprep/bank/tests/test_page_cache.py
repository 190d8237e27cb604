"""Anonymous pages come from the page cache; personal pages never do; a change to the bank shows at once."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from pyprep.bank.models import Question
from pyprep.bank.pagecache import PageCacheMiddleware, anonymous_page_cache

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


def test_a_cached_page_carries_the_same_security_headers_as_a_rendered_one() -> None:
    rendered = Client().get("/questions/list-vs-tuple/")
    cached = Client().get("/questions/list-vs-tuple/")
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "Content-Type",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
    ):
        assert cached.headers.get(header) == rendered.headers.get(header), header
    assert cached.headers["Content-Security-Policy"]
    assert int(cached.headers["Content-Length"]) == len(cached.content)


def test_two_anonymous_visitors_never_share_a_csrf_token_or_cookie() -> None:
    Client().get("/questions/list-vs-tuple/")
    first, second = Client(), Client()
    first_page = first.get("/questions/list-vs-tuple/").content.decode()
    second_page = second.get("/questions/list-vs-tuple/").content.decode()
    assert set(TOKEN_RE.findall(first_page)).isdisjoint(TOKEN_RE.findall(second_page))
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_visitor_who_has_a_csrf_cookie_keeps_it_and_can_post_with_the_cached_page() -> None:
    visitor = Client(enforce_csrf_checks=True)
    visitor.get("/questions/list-vs-tuple/")
    cookie = visitor.cookies["csrftoken"].value
    page = visitor.get("/questions/list-vs-tuple/").content.decode()  # from the cache, with the cookie sent
    assert visitor.cookies["csrftoken"].value == cookie
    token = TOKEN_RE.findall(page)[0]
    response = visitor.post("/practice/questions/list-vs-tuple/star/", {"csrfmiddlewaretoken": token})
    assert response.status_code in (200, 302)


def test_a_forged_token_is_still_refused_after_a_cached_page() -> None:
    visitor = Client(enforce_csrf_checks=True)
    visitor.get("/questions/list-vs-tuple/")
    visitor.get("/questions/list-vs-tuple/")
    response = visitor.post("/practice/questions/list-vs-tuple/star/", {"csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403


def test_the_list_and_its_htmx_fragment_are_cached_apart() -> None:
    Client().get("/questions/")
    Client().get("/questions/", headers={"HX-Request": "true"})
    full = Client().get("/questions/").content.decode()
    fragment = Client().get("/questions/", headers={"HX-Request": "true"}).content.decode()
    assert "<html" in full
    assert "<html" not in fragment


def _counting_site(respond: Callable[[HttpRequest], HttpResponse]) -> tuple[PageCacheMiddleware, list[int]]:
    """The page cache in front of one cacheable view that counts its renders."""
    renders: list[int] = []

    @anonymous_page_cache
    def view(request: HttpRequest) -> HttpResponse:
        renders.append(1)
        return respond(request)

    return PageCacheMiddleware(view), renders


def test_a_page_that_set_a_session_cookie_is_never_served_to_the_next_visitor() -> None:
    def respond(request: HttpRequest) -> HttpResponse:
        response = HttpResponse("yours")
        response.set_cookie("sessionid", "visitor-one")
        return response

    site, renders = _counting_site(respond)
    site(RequestFactory().get("/p/"))
    second = site(RequestFactory().get("/p/"))
    assert len(renders) == 2
    assert second.cookies["sessionid"].value == "visitor-one"  # made for this visitor, not replayed


def test_a_page_with_a_csp_nonce_is_never_served_to_the_next_visitor() -> None:
    def respond(request: HttpRequest) -> HttpResponse:
        return HttpResponse("x", headers={"Content-Security-Policy": "script-src 'nonce-abc123'"})

    site, renders = _counting_site(respond)
    site(RequestFactory().get("/p/"))
    site(RequestFactory().get("/p/"))
    assert len(renders) == 2


def test_a_plain_page_is_rendered_once_for_many_anonymous_visitors() -> None:
    site, renders = _counting_site(lambda request: HttpResponse("same for all"))
    bodies = {cast(HttpResponse, site(RequestFactory().get("/p/"))).content for _ in range(3)}
    assert len(renders) == 1
    assert bodies == {b"same for all"}

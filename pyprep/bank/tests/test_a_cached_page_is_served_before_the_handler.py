"""In production (config/wsgi.py) a cached anonymous page is answered before Django's handler runs: the same
page, headers and CSRF protection as the middleware gives it, and anything else still goes to Django."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from http.cookies import SimpleCookie
from typing import Any

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, RequestFactory

from pyprep.bank.pagecache import cached_pages_first

pytestmark = pytest.mark.usefixtures("bank")

PAGE = "/questions/list-vs-tuple/"
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Site:
    """cached_pages_first around Django's own handler, counting the requests that reached the handler."""

    def __init__(self) -> None:
        self.handled: list[str] = []
        handler = WSGIHandler()

        def django(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
            self.handled.append(environ["PATH_INFO"])
            return handler(environ, start_response)

        self.app = cached_pages_first(django)

    def get(self, path: str, **extra: str) -> tuple[str, dict[str, list[str]], bytes]:
        environ = RequestFactory().get(path, **extra).environ  # type: ignore[arg-type]
        answer: list[Any] = []
        # As Django's test client does: the handler must not close the test's database connection.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            result = self.app(environ, lambda status, headers: answer.extend([status, headers]))
            body = b"".join(result)
            getattr(result, "close", lambda: None)()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        headers: dict[str, list[str]] = {}
        for name, value in answer[1]:
            headers.setdefault(name.lower(), []).append(value)
        return answer[0], headers, body


def test_a_cached_page_skips_the_handler_with_the_headers_and_token_of_a_rendered_one() -> None:
    rendered = Client().get(PAGE)  # renders and stores it
    site = Site()
    status, headers, body = site.get(PAGE)
    assert site.handled == []
    assert status == "200 OK"
    for name, value in rendered.items():
        if name.lower() not in ("content-length",):
            assert headers[name.lower()] == [value], name
    assert headers["content-length"] == [str(len(body))]
    tokens = TOKEN_RE.findall(body.decode())
    assert tokens
    assert "@@" not in body.decode()
    cookie = SimpleCookie(headers["set-cookie"][0])
    assert cookie["csrftoken"].value
    assert cookie["csrftoken"]["samesite"] == rendered.cookies["csrftoken"]["samesite"]


def test_the_token_from_a_page_served_before_the_handler_is_accepted_and_a_forged_one_refused() -> None:
    Client().get(PAGE)
    _, headers, body = Site().get(PAGE)
    visitor = Client(enforce_csrf_checks=True)
    visitor.cookies.load(headers["set-cookie"][0])
    token = TOKEN_RE.findall(body.decode())[0]
    star = "/practice/questions/list-vs-tuple/star/"
    assert visitor.post(star, {"csrfmiddlewaretoken": "x" * 64}).status_code == 403
    assert visitor.post(star, {"csrfmiddlewaretoken": token}).status_code in (200, 302)


def test_a_visitor_with_a_csrf_cookie_keeps_it() -> None:
    Client().get(PAGE)
    first = SimpleCookie(Site().get(PAGE)[1]["set-cookie"][0])["csrftoken"].value
    _, headers, _ = Site().get(PAGE, HTTP_COOKIE=f"csrftoken={first}")
    assert SimpleCookie(headers["set-cookie"][0])["csrftoken"].value == first


@pytest.mark.parametrize(
    "extra",
    [
        {"HTTP_COOKIE": "sessionid=abc"},  # a session: maybe signed in, or practice data
        {"HTTP_HOST": "evil.example"},  # a host the site does not serve: Django answers 400
        {"HTTP_HX_REQUEST": "true"},  # the fragment, never stored yet
    ],
)
def test_anything_but_a_stored_anonymous_page_goes_to_django(extra: dict[str, str]) -> None:
    Client().get(PAGE)
    site = Site()
    status, _, _ = site.get(PAGE, **extra)
    assert site.handled == [PAGE]
    if extra.get("HTTP_HOST"):
        assert status.startswith("400")


def test_a_page_not_yet_stored_is_rendered_by_django_and_then_served_before_it() -> None:
    site = Site()
    site.get("/questions/")
    site.get("/questions/")
    assert site.handled == ["/questions/"]

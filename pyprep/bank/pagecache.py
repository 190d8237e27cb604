"""Whole pages that are the same for every anonymous visitor, kept rendered in each web process.

A page is cached only for a GET from a visitor without a session (no user, no practice data, no messages),
so it is the same for all of them except the CSRF token in its forms: that is cut out before the page is
stored and a fresh one is put in for each visitor. Keys carry the bank's version stamp, which lives in the
"shared" cache (a file in var/, or Redis) and changes on every write to the bank, from any process.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

VERSION_KEY = "bank:version"
HOLE = "@@pyprep-csrf-token@@"
# Where a CSRF token can appear in our pages: a form's hidden field and the htmx request header.
_TOKEN_RE = re.compile(r'(?:name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")([A-Za-z0-9]{32,64})"')

View = Callable[..., HttpResponse]
T = TypeVar("T")


def bank_version() -> str:
    shared = caches["shared"]
    version = shared.get(VERSION_KEY)
    if version is None:
        shared.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
        version = shared.get(VERSION_KEY, "")
    return str(version)


def bank_changed() -> None:
    """Forget every cached page in every process: they are keyed by the old stamp."""
    caches["shared"].set(VERSION_KEY, secrets.token_hex(8), timeout=None)


def bank_changed_on_commit(**_: Any) -> None:
    # Now, so this process never serves a page older than its own write; and again at commit, because
    # another process may have cached the old state while the transaction was still open.
    bank_changed()
    transaction.on_commit(bank_changed)


def same_for_everyone(name: str, compute: Callable[[], T]) -> T:
    """A value derived from the bank alone (counts, topic lists), computed once per bank version and process."""
    key = f"bank:{name}:{bank_version()}"
    found = caches["pages"].get(key)
    if found is None:
        found = compute()
        caches["pages"].set(key, found)
    return cast(T, found)


def _is_anonymous_visit(request: HttpRequest) -> bool:
    # No session cookie: no user, no anonymous practice data, no stored messages. A CSRF cookie alone is fine.
    return request.method == "GET" and set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}


def _key(request: HttpRequest) -> str:
    parts = [
        bank_version(),
        request.scheme or "http",
        request.get_host(),
        request.get_full_path(),
        request.headers.get("HX-Request") or "",
        request.headers.get("HX-History-Restore-Request") or "",
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _cut_tokens(request: HttpRequest, body: str) -> str | None:
    """The page with its CSRF tokens replaced by HOLE; None if it holds a token we cannot find."""
    tokens = set(_TOKEN_RE.findall(body))
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not tokens:
        return None
    for token in tokens:
        body = body.replace(token, HOLE)
    return body


def anonymous_page_cache(view: View | None = None, *, personal: bool = True) -> Any:
    """Serve a page from the page cache to anonymous visitors; personal=False caches for everyone (JSON API)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method != "GET" or (personal and not _is_anonymous_visit(request)):
                return view(request, *args, **kwargs)
            pages = caches["pages"]
            key = _key(request)
            hit = pages.get(key)
            if hit is not None:
                content_type, body = hit
                if HOLE in body:
                    body = body.replace(HOLE, get_token(request))
                return HttpResponse(body, content_type=content_type)
            response = view(request, *args, **kwargs)
            session = getattr(request, "session", None)
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and not (session is not None and session.modified)
            ):
                body = _cut_tokens(request, response.content.decode(response.charset))
                if body is not None:
                    pages.set(key, (response["Content-Type"], body))
            return response

        return wrapped

    return decorate(view) if view is not None else decorate

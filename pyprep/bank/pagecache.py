"""Whole pages that are the same for every anonymous visitor, kept rendered in each web process.

A page is cached only for a GET from a visitor without a session (no user, no practice data, no messages),
so it is the same for all of them except the CSRF token in its forms: that is cut out before the page is
stored and a fresh one is put in for each visitor. PageCacheMiddleware serves it near the top of the
middleware stack, so a hit skips sessions, users, URL routing and the view. Keys carry the bank's version
stamp, which lives in the "shared" cache (a file in var/, or Redis) and changes on every write to the bank,
from any process.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import string
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar, cast

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware

VERSION_KEY = "bank:version"
HOLE = "@@pyprep-csrf-token@@"
_HOLE_BYTES = HOLE.encode()
# Where a CSRF token can appear in our pages: a form's hidden field and the htmx request header.
_TOKEN_RE = re.compile(r'(?:name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")([A-Za-z0-9]{32,64})"')

View = Callable[..., HttpResponse]
T = TypeVar("T")


# The stamp as this request first read it (PageCacheMiddleware opens one per request): a signed-in practice
# card asked the shared cache for it three times (its question, its topics, the nav's due count), a file
# read or a Redis round trip each. Reading it once per request is as fresh as reading it at the request's start.
_REQUEST_STAMP: ContextVar[list[str] | None] = ContextVar("pyprep_bank_version", default=None)


def bank_version() -> str:
    memo = _REQUEST_STAMP.get()
    if memo:
        return memo[0]
    shared = caches["shared"]
    version = shared.get(VERSION_KEY)
    if version is None:
        shared.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
        version = shared.get(VERSION_KEY, "")
    if memo is not None:
        memo.append(str(version))
    return str(version)


def bank_changed() -> None:
    """Forget every cached page in every process: they are keyed by the old stamp."""
    version = secrets.token_hex(8)
    caches["shared"].set(VERSION_KEY, version, timeout=None)
    memo = _REQUEST_STAMP.get()
    if memo is not None:  # this request's own write: the rest of it reads the new stamp
        memo[:] = [version]


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


def _key(request: HttpRequest, *, prefix: str) -> str:
    parts = [
        bank_version(),
        request.scheme or "http",
        request.get_host(),
        request.get_full_path(),
        request.headers.get("HX-Request") or "",
        request.headers.get("HX-History-Restore-Request") or "",
    ]
    return prefix + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _cut_tokens(request: HttpRequest, body: str) -> str | None:
    """The page with its CSRF tokens replaced by HOLE; None if it holds a token we cannot find."""
    tokens = set(_TOKEN_RE.findall(body))
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not tokens:
        return None
    for token in tokens:
        body = body.replace(token, HOLE)
    return body


@dataclass(frozen=True, slots=True)
class CachedPage:
    """A whole response as the site's middleware finished it, minus cookies and the visitor's CSRF token."""

    headers: tuple[tuple[str, str], ...]
    body: bytes


# Set on the request by anonymous_page_cache: the view's response may be stored for the next visitor.
_CACHEABLE = "_pyprep_page_cacheable"
# Headers never stored: the length is recomputed once the visitor's token is in.
_NOT_STORED = frozenset({"content-length"})


class PageCacheMiddleware:
    """Answers an anonymous visitor's GET from the page cache before sessions, users, routing and the view run.

    Only pages whose view is decorated with anonymous_page_cache are stored, with the headers every other
    middleware gave them (it is the outermost: security headers, Content-Security-Policy, X-Frame-Options,
    Vary), so `cached_pages_first` can serve a hit as it is. Each visitor gets their own CSRF token and
    cookie, made as CsrfViewMiddleware makes them. A response that set any other cookie, used the session, or carries a CSP
    nonce is never stored.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        stamp = _REQUEST_STAMP.set([])
        try:
            return self._respond(request)
        finally:
            _REQUEST_STAMP.reset(stamp)

    def _respond(self, request: HttpRequest) -> HttpResponseBase:
        if not _is_anonymous_visit(request):
            return self.get_response(request)
        pages = caches["pages"]
        key = _key(request, prefix="page:")
        hit = pages.get(key)
        if hit is not None:
            return self._serve(request, hit)
        response = self.get_response(request)
        page = self._storable(request, response)
        if page is not None:
            pages.set(key, page)
        return response

    def cached(self, request: HttpRequest) -> HttpResponse | None:
        """The cached page for this request, or None: what a hit in `_respond` returns, without the rest."""
        stamp = _REQUEST_STAMP.set([])
        try:
            if not _is_anonymous_visit(request):
                return None
            try:
                key = _key(request, prefix="page:")
            except DisallowedHost:
                return None  # Django's handler answers it (400): no page is ever stored under such a host
            hit = caches["pages"].get(key)
            return None if hit is None else self._serve(request, hit)
        finally:
            _REQUEST_STAMP.reset(stamp)

    def _serve(self, request: HttpRequest, page: CachedPage) -> HttpResponse:
        body = page.body
        token = None
        if _HOLE_BYTES in body:
            self.csrf.process_request(request)  # the visitor's CSRF cookie, if it is well formed
            token = visitor_csrf_token(request)
            body = body.replace(_HOLE_BYTES, token.encode())
        response = HttpResponse(body, headers=dict(page.headers))
        response.headers["Content-Length"] = str(len(body))  # as CommonMiddleware sets it on a rendered page
        if token is not None:
            self.csrf.process_response(request, response)  # sets the cookie the token belongs to
        return response

    def _storable(self, request: HttpRequest, response: HttpResponseBase) -> CachedPage | None:
        session = getattr(request, "session", None)
        if (
            not getattr(request, _CACHEABLE, False)
            or response.status_code != 200
            or not isinstance(response, HttpResponse)
            or set(response.cookies) - {settings.CSRF_COOKIE_NAME}
            or (session is not None and session.modified)
            or any(
                "'nonce-" in value
                for name, value in response.items()
                if name.lower().startswith("content-security")
            )
        ):
            return None
        body = _cut_tokens(request, response.content.decode(response.charset))
        if body is None:
            return None
        headers = tuple((name, value) for name, value in response.items() if name.lower() not in _NOT_STORED)
        return CachedPage(headers=headers, body=body.encode(response.charset))


# Django's CSRF alphabet and lengths (django.middleware.csrf): a 32-character secret in the cookie, and in
# the page a 64-character token, a random mask followed by the secret shifted by it, fresh on every response.
_CSRF_CHARS = string.ascii_letters + string.digits
_CSRF_INDEX = {char: index for index, char in enumerate(_CSRF_CHARS)}
_CSRF_LENGTH = 32


# Random bytes below 248 (4 × 62) map evenly onto the 62 characters; the rest are dropped.
_CSRF_FROM_BYTE = bytes(ord(_CSRF_CHARS[byte % 62]) if byte < 248 else 0 for byte in range(256))
_CSRF_DROPPED = bytes(range(248, 256))


def _random_csrf_string() -> str:
    """32 uniformly random characters of the CSRF alphabet, mapped in C (Django draws each with its own
    secrets.choice)."""
    while True:
        text = secrets.token_bytes(48).translate(_CSRF_FROM_BYTE, _CSRF_DROPPED)
        if len(text) >= _CSRF_LENGTH:  # 48 bytes keep fewer than 32 about once in 10^10 draws
            return text[:_CSRF_LENGTH].decode()


def visitor_csrf_token(request: HttpRequest) -> str:
    """What django.middleware.csrf.get_token returns, and with the same effect on the request, at a tenth of
    its CPU: its 96 secrets.choice calls were a third of serving a cached page."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = _random_csrf_string()
        request.META["CSRF_COOKIE"] = secret
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # (re)send the cookie, as get_token does
    mask = _random_csrf_string()
    index, size = _CSRF_INDEX, len(_CSRF_CHARS)
    return mask + "".join(
        _CSRF_CHARS[(index[char] + index[shift]) % size] for char, shift in zip(secret, mask, strict=True)
    )


def anonymous_page_cache(view: View | None = None, *, personal: bool = True) -> Any:
    """Let PageCacheMiddleware keep this page for anonymous visitors; personal=False also caches the view's
    body for signed-in visitors (the JSON API: the same for everyone)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method != "GET":
                return view(request, *args, **kwargs)
            if _is_anonymous_visit(request):
                setattr(request, _CACHEABLE, True)
                return view(request, *args, **kwargs)
            if personal:
                return view(request, *args, **kwargs)
            views = caches["pages"]
            key = _key(request, prefix="view:")
            hit = views.get(key)
            if hit is not None:
                content_type, body = hit
                return HttpResponse(body, content_type=content_type)
            response = view(request, *args, **kwargs)
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # no visitor's token in it
            ):
                views.set(key, (response["Content-Type"], response.content))
            return response

        return wrapped

    return decorate(view) if view is not None else decorate


WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def app_not_reached(request: HttpRequest) -> HttpResponse:
    raise AssertionError("cached_pages_first hands every miss to Django's own handler")


def cached_pages_first(app: WSGIApp) -> WSGIApp:
    """`app` (Django's WSGI handler), with a cached anonymous page answered before it runs.

    PageCacheMiddleware is the outermost middleware, so the page it stored carries every header the site
    sends; a hit needs none of the handler's work around it (request signals, the middleware chain, the
    response's conversion), about half of serving one. A miss, or any other request, goes to `app`.
    """
    pages = PageCacheMiddleware(app_not_reached)  # only `cached()` is used: it never calls get_response

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") == "GET":
            response = pages.cached(WSGIRequest(environ))
            if response is not None:
                headers = [
                    *response.items(),
                    *(("Set-Cookie", cookie.output(header="")) for cookie in response.cookies.values()),
                ]
                start_response(f"{response.status_code} {response.reason_phrase}", headers)
                return [response.content]
        return app(environ, start_response)

    return application

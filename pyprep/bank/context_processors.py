"""Values every page template needs: the levels for the nav and filters, and the visitor's CSRF token."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from pyprep.bank.levels import LEVELS
from pyprep.bank.pagecache import visitor_csrf_token


def site(request: HttpRequest) -> dict[str, Any]:
    # Replaces the token of Django's csrf context processor (which runs first) by the same token made at a
    # tenth of the CPU (pagecache.visitor_csrf_token): Django draws each of its characters with its own
    # secrets.choice, about 0.1 ms on every page with a form. Made only when a template asks for it.
    return {"levels": LEVELS, "csrf_token": SimpleLazyObject(lambda: visitor_csrf_token(request))}

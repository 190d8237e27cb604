"""Request helpers every app shares: the htmx-aware request type and the client's address."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def wants_fragment(request: HtmxHttpRequest) -> bool:
    """An htmx request that swaps part of the page (not a history restore, which needs the whole page)."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def client_address(request: HttpRequest) -> str:
    """The client's IP address, for throttles. Behind a TLS proxy every request comes from the proxy, so the
    header it sets is named by `RATELIMIT_IP_META_KEY` (django-ratelimit's own setting, so its "ip" key
    agrees); the last entry of a list is the address that proxy saw."""
    header = getattr(settings, "RATELIMIT_IP_META_KEY", None)
    value = request.META.get(header, "") if isinstance(header, str) and header else ""
    return str(value or request.META.get("REMOTE_ADDR", "")).split(",")[-1].strip()

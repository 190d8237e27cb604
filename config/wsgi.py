"""WSGI entry point.

The collector is kept off the long-lived heap: a full collection of a warmed-up worker's heap (about 190,000
objects: modules, views, templates, the bank's caches) took 120 ms of CPU on the 2-core machine, during which
every request of that worker waits (a request itself takes about 1 ms). Objects alive once the URLconf is
imported, and again once the worker has served its first requests, are frozen (`gc.freeze()`): the
collector never scans them again, and a full collection covers only what requests allocate since.
PYPREP_GC_FREEZE=0 turns this off (benchmarks/serving_bench.py compares both).

An anonymous visitor's cached page is answered before Django's handler runs (pagecache.cached_pages_first).
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterable
from typing import Any

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

# Requests after which what the first ones built (compiled templates, the bank's per-process caches, the
# search vectors) is frozen too: every page kind has been served by then.
WARM_UP_REQUESTS = 500

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def _freeze() -> None:
    gc.collect()
    gc.freeze()


def frozen_after_warm_up(app: WSGIApp, *, requests: int = WARM_UP_REQUESTS) -> WSGIApp:
    """`app`, freezing the heap once more after its first `requests` requests."""
    served = 0
    lock = threading.Lock()

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        nonlocal served
        if served < requests:
            with lock:
                served += 1
                if served == requests:
                    _freeze()
        return app(environ, start_response)

    return application


application: WSGIApp = get_wsgi_application()

from pyprep.bank.pagecache import cached_pages_first  # noqa: E402 - needs the settings set up above

application = cached_pages_first(application)
if os.environ.get("PYPREP_GC_FREEZE", "1") != "0":
    get_resolver().url_patterns  # noqa: B018 - imports every view now, before the freeze
    _freeze()
    application = frozen_after_warm_up(application)

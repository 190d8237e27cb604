"""A request reads the bank's version stamp from the shared cache once, and sees its own writes to the bank;
the next request reads the stamp again, so another process's write shows there."""

from __future__ import annotations

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from pyprep.bank.pagecache import VERSION_KEY, PageCacheMiddleware, bank_changed, bank_version


def test_a_request_reads_the_stamp_once_and_sees_its_own_write() -> None:
    seen: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(bank_version())
        caches["shared"].set(VERSION_KEY, "written-by-another-process")
        seen.append(bank_version())
        bank_changed()
        seen.append(bank_version())
        return HttpResponse()

    PageCacheMiddleware(view)(RequestFactory().post("/practice/sessions/"))
    first, again, after_write = seen
    assert again == first
    assert after_write not in (first, "written-by-another-process")
    assert after_write == caches["shared"].get(VERSION_KEY)


def test_the_next_request_reads_another_process_write() -> None:
    stamps: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        stamps.append(bank_version())
        return HttpResponse()

    middleware = PageCacheMiddleware(view)
    middleware(RequestFactory().post("/"))
    caches["shared"].set(VERSION_KEY, "written-by-another-process")
    middleware(RequestFactory().post("/"))
    assert stamps[1] == "written-by-another-process" != stamps[0]
    caches["shared"].set(VERSION_KEY, "outside-any-request")
    assert bank_version() == "outside-any-request"

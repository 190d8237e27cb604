"""A title written with `backticks` shows inline code wherever it appears, and plain text where only text fits."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, expect
from pytest_django.live_server_helper import LiveServer

from pyprep.bank.models import Question
from pyprep.practice.models import Scope
from pyprep.practice.ownership import Owner
from pyprep.practice.services import session_start
from tests.browser.pages_fixtures import DESKTOP, SiteUrls, signed_in_context

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Why does sorted() return a new list while list.sort() returns None?"
REVERSED = "What does reversed() return, and when is it cheaper than [::-1]?"


def _shows_code(place: Locator, text: str, codes: list[str]) -> None:
    expect(place).to_have_text(text)  # the words read as written, without a backtick
    expect(place.locator("code")).to_have_text(codes)


def test_titles_render_their_code_spans_on_every_page_and_stay_plain_in_the_tab_and_the_json(
    browser: Browser, live_server: LiveServer, candidate: tuple[Any, SiteUrls]
) -> None:
    user, urls = candidate
    question = Question.objects.get(slug="sorted-vs-sort")
    card = session_start(
        owner=Owner(user_id=user.pk), scope=Scope.QUESTION, candidate_ids=[question.pk], title="One"
    )
    page = signed_in_context(browser, live_server, user, viewport=DESKTOP).new_page()

    page.goto("/questions/?q=sorted")
    _shows_code(page.locator(".question-link", has_text="Why does"), TITLE, ["sorted()", "list.sort()"])

    page.goto(urls.question)
    _shows_code(page.get_by_role("heading", level=1), TITLE, ["sorted()", "list.sort()"])
    assert page.title() == f"{TITLE} · pyprep"

    page.goto("/questions/reversed-result/")
    _shows_code(page.locator(".related a", has_text="Why does"), TITLE, ["sorted()", "list.sort()"])

    page.goto("/questions/mutable-defaults/?level=junior")  # within a filter: previous and next links
    _shows_code(page.locator(".prev-next a[rel=prev]"), f"← {REVERSED}", ["reversed()", "[::-1]"])
    _shows_code(page.locator(".prev-next a[rel=next]"), f"{TITLE} →", ["sorted()", "list.sort()"])

    page.goto(urls.set)
    _shows_code(page.locator(".question-link").first, TITLE, ["sorted()", "list.sort()"])

    page.goto(card.get_absolute_url())
    _shows_code(page.locator(".practice-question"), TITLE, ["sorted()", "list.sort()"])

    found = page.request.get("/api/questions?q=sorted").json()
    titles = [row["title"] for row in found["results"]]
    assert "Why does `sorted()` return a new list while `list.sort()` returns None?" in titles
    page.context.close()

"""Flashcard mode hides a question's answer until asked, is remembered and works from the keyboard; without
JavaScript the answer is simply shown. Further reading and the review date are on the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.pages_fixtures import DESKTOP, SiteUrls

pytestmark = pytest.mark.django_db(transaction=True)

PARTS = ["#question-summary", "#question-answer", "#question-examples", "#question-key-points"]


def _answer_hidden(page: Page, hidden: bool) -> None:
    for part in PARTS:
        if hidden:
            expect(page.locator(part)).to_be_hidden()
        else:
            expect(page.locator(part)).to_be_visible()


def test_flashcard_mode_hides_the_answer_until_asked_and_is_remembered(
    browser: Browser, live_server: LiveServer, site: SiteUrls
) -> None:
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site.question)
    toggle = page.get_by_role("button", name="Flashcard mode: hide the answer")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    _answer_hidden(page, False)

    # From the keyboard: focus the toggle and press Enter.
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    _answer_hidden(page, True)
    show = page.get_by_role("button", name="Show answer")
    expect(show).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_be_visible()  # the question itself stays

    # Remembered on the next question page.
    page.goto("/questions/reversed-result/")
    _answer_hidden(page, True)
    page.get_by_role("button", name="Show answer").focus()
    page.keyboard.press("Space")
    for part in ["#question-summary", "#question-answer", "#question-key-points"]:
        expect(page.locator(part)).to_be_visible()
    expect(page.locator("#question-summary")).to_be_focused()  # keyboard users land on what was shown
    expect(page.get_by_role("button", name="Show answer")).to_be_hidden()

    # Turned off, it stays off.
    page.get_by_role("button", name="Flashcard mode: hide the answer").click()
    page.goto(site.question)
    _answer_hidden(page, False)
    context.close()


def test_without_javascript_the_answer_is_shown_and_no_dead_toggle_is_offered(
    browser: Browser, live_server: LiveServer, site: SiteUrls
) -> None:
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP, java_script_enabled=False)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site.question)
    _answer_hidden(page, False)
    expect(page.get_by_role("button", name="Flashcard mode: hide the answer")).to_have_count(0)
    expect(page.get_by_role("button", name="Show answer")).to_have_count(0)
    context.close()


def test_further_reading_and_the_review_date_are_shown(
    browser: Browser, live_server: LiveServer, site: SiteUrls
) -> None:
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site.question)
    reading = page.get_by_role("region", name="Further reading")
    expect(reading.get_by_role("link")).to_have_count(2)
    expect(reading.get_by_role("link").first).to_have_attribute(
        "href", "https://docs.python.org/3/howto/sorting.html"
    )
    expect(page.locator(".reviewed")).to_have_text("Reviewed 20 Nov 2026")
    context.close()

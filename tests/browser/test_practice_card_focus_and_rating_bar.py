"""A practice card starts in its answer box, and a revealed card can be rated without scrolling, on desktop and phone."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from pyprep.bank.models import Example
from pyprep.challenges.tests.factories import make_challenge
from pyprep.practice.tests.factories import make_question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = ViewportSize(width=1366, height=900)
PHONE = ViewportSize(width=390, height=844)


def _long_questions(count: int = 2) -> None:
    for n in range(count):
        question = make_question(
            slug=f"long-q{n}",
            title=f"How does the garbage collector find cycles, case {n}?",
            summary=" ".join(["Reference counting frees most objects; a cycle detector finds the rest."] * 6),
            answer="\n\n".join(["A long paragraph about generations and thresholds. " * 8] * 10),
            key_points=[
                f"Point {k}: the collector walks container objects in generation {k}." for k in range(6)
            ],
        )
        for position in range(4):
            Example.objects.create(
                question=question,
                position=position,
                code="\n".join(f"print({i})" for i in range(25)),
                output="\n".join(str(i) for i in range(25)),
            )


def _start_session(page: Page, length: int = 2) -> None:
    page.goto("/practice/")
    page.get_by_label("Cards in this session").fill(str(length))
    page.get_by_role("button", name="Start", exact=True).click()


def _active_id(page: Page) -> str:
    return str(page.evaluate("document.activeElement && document.activeElement.id"))


def _in_viewport(page: Page, selector: str) -> bool:
    return bool(
        page.evaluate(
            """sel => { const r = document.querySelector(sel).getBoundingClientRect();
                       return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; }""",
            selector,
        )
    )


@pytest.fixture
def desktop_page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP)
    context.set_default_timeout(20_000)
    yield context.new_page()
    context.close()


def test_the_first_tab_on_the_home_page_reaches_the_skip_link(desktop_page: Page) -> None:
    desktop_page.goto("/")
    assert _active_id(desktop_page) in ("", "None")  # nothing grabbed focus on load
    desktop_page.keyboard.press("Tab")
    assert desktop_page.evaluate("document.activeElement.className") == "skip-link"


def test_every_card_starts_in_the_answer_box(desktop_page: Page) -> None:
    _long_questions()
    _start_session(desktop_page)
    expect(desktop_page.get_by_text("Card 1 of 2")).to_be_visible()
    expect(desktop_page.locator("#answer")).to_be_focused()
    desktop_page.keyboard.type("The collector walks container objects.")
    desktop_page.keyboard.press("Control+Enter")
    expect(desktop_page.locator("#rate-form")).to_be_visible()
    desktop_page.keyboard.press("3")
    expect(desktop_page.get_by_text("Card 2 of 2")).to_be_visible()
    expect(desktop_page.locator("#answer")).to_be_focused()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_revealed_card_shows_the_rating_bar_without_scrolling_and_folds_the_long_parts(
    browser: Browser, live_server: LiveServer, viewport: ViewportSize
) -> None:
    _long_questions(1)
    phone = viewport == PHONE
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, is_mobile=phone, has_touch=phone
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        _start_session(page, length=1)
        page.get_by_role("button", name=re.compile("Reveal answer")).click()
        expect(page.locator("#rate-form")).to_be_visible()
        page.wait_for_load_state("load")
        assert _in_viewport(page, "#rate-form button[data-key='1']")
        assert _in_viewport(page, "#rate-form button[data-key='4']")
        assert page.locator("details.practice-full-answer").get_attribute("open") is None
        assert page.locator("details.practice-examples").get_attribute("open") is None
        # Scrolled to the very top or bottom, the bar is still on screen.
        for position in ("0", "document.body.scrollHeight"):
            page.evaluate(f"window.scrollTo(0, {position})")
            assert _in_viewport(page, "#rate-form button[data-key='3']")
        hint = page.locator("kbd.key-hint").first
        if phone:
            expect(hint).to_be_hidden()  # no keyboard hints on a touch screen
        else:
            expect(hint).to_be_visible()
    finally:
        context.close()


def test_keyboard_hints_are_hidden_on_a_touch_screen_and_shown_with_a_mouse(
    phone_page: Page, desktop_page: Page
) -> None:
    _long_questions(1)
    challenge = make_challenge()
    for page, shown in ((phone_page, False), (desktop_page, True)):
        _start_session(page, length=1)
        hints = [page.locator("p.keys-hint"), page.locator("#reveal-button kbd")]
        for hint in hints:
            _expect_shown(hint, shown=shown)
        page.goto(f"/challenges/{challenge.slug}/")
        _expect_shown(page.locator("#run-button kbd"), shown=shown)


def _expect_shown(locator: Locator, *, shown: bool) -> None:
    if shown:
        expect(locator).to_be_visible()
    else:
        expect(locator).to_be_hidden()

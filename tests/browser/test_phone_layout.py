"""On a phone (390×844, touch) nothing scrolls the page sideways, menu targets are finger-sized and keyboard
hints are not shown; on a desktop the hints stay."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.pages_fixtures import DESKTOP, PHONE, SiteUrls, phone_options, signed_in_context

pytestmark = pytest.mark.django_db(transaction=True)

PAGE_WIDTH = "document.documentElement.scrollWidth"


def _phone(browser: Browser, live_server: LiveServer, user: Any) -> Page:
    return signed_in_context(browser, live_server, user, viewport=PHONE, **phone_options()).new_page()


def test_no_page_scrolls_sideways_on_a_phone_and_wide_code_scrolls_inside_its_block(
    browser: Browser, live_server: LiveServer, candidate: tuple[Any, SiteUrls]
) -> None:
    user, urls = candidate
    page = _phone(browser, live_server, user)
    widths = {}
    for name in ["home", "question_list", "question", "set", "practice_card", "challenge", "progress"]:
        page.goto(getattr(urls, name))
        widths[name] = page.evaluate(PAGE_WIDTH)
    # The history's "View" opens the submitted code (a long line) inside the table.
    page.goto(urls.challenge)
    page.locator("#challenge-history summary", has_text="View").first.click()
    expect(page.locator("#challenge-history pre").first).to_be_visible()
    widths["history, code open"] = page.evaluate(PAGE_WIDTH)
    assert widths == dict.fromkeys(widths, 390)

    page.goto(urls.question)
    code = page.locator(".answer pre.highlight")
    assert code.evaluate("pre => pre.scrollWidth > pre.clientWidth")  # it scrolls, inside itself
    expect(code).to_have_attribute("tabindex", "0")  # and a keyboard can scroll it
    expect(code).to_have_attribute("aria-label", "Code, scrolls sideways")
    expect(page.locator(".answer .table-scroll")).to_have_attribute("tabindex", "0")
    page.context.close()


def test_menu_targets_are_at_least_44px_tall_on_a_touch_screen(
    browser: Browser, live_server: LiveServer, candidate: tuple[Any, SiteUrls]
) -> None:
    user, urls = candidate
    page = _phone(browser, live_server, user)
    page.goto(urls.home)
    toggle = page.locator(".nav-toggle-label")
    assert (toggle.bounding_box() or {"height": 0})["height"] >= 44
    toggle.click()
    targets = page.locator(".nav-links a, .nav-links button")
    expect(targets.first).to_be_visible()
    heights = {
        targets.nth(n).inner_text(): (targets.nth(n).bounding_box() or {"height": 0})["height"]
        for n in range(targets.count())
    }
    assert len(heights) >= 5
    assert {name: height for name, height in heights.items() if height < 44} == {}
    page.context.close()


def test_keyboard_hints_show_on_a_desktop_but_not_on_a_touch_screen(
    browser: Browser, live_server: LiveServer, candidate: tuple[Any, SiteUrls]
) -> None:
    user, urls = candidate
    phone = _phone(browser, live_server, user)
    desktop = signed_in_context(browser, live_server, user, viewport=DESKTOP).new_page()
    for url in [urls.practice_card, urls.challenge]:
        desktop.goto(url)
        expect(desktop.locator("kbd").first).to_be_visible()
        phone.goto(url)
        assert phone.locator("kbd").count() > 0
        assert (
            phone.locator("kbd").evaluate_all("keys => keys.filter(k => k.offsetParent !== null).length") == 0
        )
    phone.context.close()
    desktop.context.close()

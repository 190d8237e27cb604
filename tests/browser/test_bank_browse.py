"""A candidate finds a question by level, topic and search, and reads its highlighted, verified example."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from pyprep.bank.services import content_load
from pyprep.bank.tests.conftest import FIXTURE_CONTENT

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def bank() -> None:
    assert content_load(root=FIXTURE_CONTENT).errors == []


def test_filtering_searching_and_reading_a_question(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Python interviews")
    page.get_by_role("link", name="Browse all questions").click()
    expect(page.locator(".result-count")).to_have_text("6 questions")

    page.get_by_label("Senior").check()
    expect(page.locator(".result-count")).to_have_text("1 question")
    expect(page).to_have_url(re.compile(r"level=senior"))
    page.get_by_label("Expert").check()
    expect(page.locator(".result-count")).to_have_text("2 questions")
    page.get_by_label("Topic").select_option("objects")
    expect(page).to_have_url(re.compile(r"topic=objects"))
    expect(page.locator(".result-count")).to_have_text("2 questions")

    page.get_by_label("Search", exact=True).fill("difference between __getattr__ and __getattribute__")
    expect(page.locator(".result-count")).to_contain_text("1 question for")
    page.get_by_role("link", name="What is the difference between __getattr__ and __getattribute__?").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "What is the difference between __getattr__ and __getattribute__?"
    )
    expect(page.locator(".level").first).to_have_text("Senior · 5–10 years")
    example = page.locator("figure.example").first
    expect(example.locator(".example-code span.nb", has_text="print")).to_be_visible()  # Pygments markup
    expect(example.locator(".example-output samp")).to_have_text("6")

    key_points = page.locator(".key-points li").first
    expect(key_points).to_be_hidden()
    page.get_by_text("Show what an interviewer listens for").click()
    expect(key_points).to_be_visible()

    page.go_back()
    expect(page).to_have_url(re.compile(r"level=senior&level=expert&topic=objects|q="))


def test_the_empty_state_and_the_phone_menu(phone_page: Page) -> None:
    phone_page.goto("/questions/?topic=async")
    expect(phone_page.get_by_role("heading", name="No questions match")).to_be_visible()
    expect(phone_page.locator(".nav-links")).to_be_hidden()
    phone_page.locator(".nav-toggle-label").click()
    expect(phone_page.get_by_role("link", name="Questions", exact=True)).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is wider than the phone: {width}px"

"""A candidate signs up, practises five cards with typed answers, reloads mid-session and sees progress."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from pyprep.practice.models import Review
from pyprep.practice.tests.factories import make_question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _questions() -> None:
    for n in range(6):
        make_question(
            slug=f"browser-q{n}",
            title=f"Why are lists mutable, case {n}?",
            key_points=[
                "Lists can be changed in place by append and slice assignment.",
                "Tuples cannot change.",
            ],
        )


def test_signup_practise_five_cards_reload_and_see_progress(page: Page) -> None:
    _questions()
    page.goto("/accounts/signup/")
    page.get_by_label("Username").fill("learner")
    page.get_by_label("Email").fill("learner@example.com")
    page.get_by_label("Password", exact=True).fill("a long enough passphrase")
    page.get_by_label("Password confirmation").fill("a long enough passphrase")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Start practice")).to_be_visible()

    page.get_by_label("Cards in this session").fill("5")
    page.get_by_role("button", name="Start", exact=True).click()

    for number in range(1, 6):
        expect(page.get_by_text(f"Card {number} of 5")).to_be_visible()
        page.wait_for_load_state("load")  # the card's keys are bound once its script has run
        answer = page.get_by_label(re.compile("Your answer"))
        answer.fill(f"Lists can be changed in place with append, answer {number}.")
        # Space typed in the textarea stays there; Ctrl+Enter reveals.
        answer.press("Space")
        answer.press("Control+Enter")
        # The first reveal in a process loads the embeddings and the feedback model: allow for a busy machine.
        expect(page.get_by_text(re.compile(r"1 of 2 covered"))).to_be_visible(timeout=15_000)
        expect(page.locator("blockquote.typed-answer mark").first).to_be_visible()
        if number == 3:
            page.reload()
            expect(page.get_by_text("Card 3 of 5")).to_be_visible()
            expect(page.locator("blockquote.typed-answer")).to_contain_text("answer 3")
        page.keyboard.press("3")
        if number < 5:
            expect(page.get_by_text(f"Card {number + 1} of 5")).to_be_visible()

    expect(page.get_by_role("heading", name="Session complete")).to_be_visible()
    expect(page.get_by_text("5 of 5")).to_be_visible()
    assert Review.objects.filter(card__user__username="learner").count() == 5

    page.goto("/practice/progress/")
    expect(page.get_by_role("heading", name="Your progress")).to_be_visible()
    expect(page.get_by_text("1 day", exact=True)).to_be_visible()
    expect(page.locator("svg.chart").first).to_be_visible()

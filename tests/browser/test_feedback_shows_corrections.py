"""A typed answer that makes a known wrong claim sees the point it contradicts, with its one-line correction."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from pyprep.bank.models import KeyPoint, Misconception
from pyprep.practice.tests.factories import make_question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CORRECTION = "select_related uses a JOIN; prefetch_related runs one extra query per relation."


def _question() -> None:
    question = make_question(
        slug="select-vs-prefetch",
        title="What is the difference between select_related and prefetch_related?",
        key_points=[
            "`select_related` follows foreign keys with a SQL JOIN in the same query.",
            "`prefetch_related` runs a separate query per relation and joins in Python.",
        ],
    )
    first, second = KeyPoint.objects.filter(question=question).order_by("position")
    first.concepts = [["select_related"], ["join"]]
    first.save()
    second.concepts = [["prefetch_related"], ["separate query", "extra query", "second query"]]
    second.save()
    Misconception.objects.create(
        question=question,
        claim="prefetch_related does the SQL JOIN.",
        concepts=[["prefetch_related"], ["join"]],
        contradicts=[1],
        correction=CORRECTION,
    )


def test_a_swapped_answer_shows_the_contradicted_point_and_its_correction(page: Page) -> None:
    _question()
    page.goto("/practice/?question=select-vs-prefetch")
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_load_state("load")  # the card's keys are bound once its script has run
    answer = page.get_by_label(re.compile("Your answer"))
    answer.fill("prefetch_related does a SQL JOIN so everything comes back in one query.")
    answer.press("Control+Enter")

    contradicted = page.locator("li.kp-contradicted")
    # The first reveal in a process loads the embeddings and the feedback model: allow for a busy machine.
    expect(contradicted).to_have_count(1, timeout=15_000)
    expect(contradicted).to_contain_text("follows foreign keys with a SQL JOIN")
    expect(contradicted).to_contain_text(f"Correction: {CORRECTION}")
    expect(page.locator("blockquote.typed-answer mark.mark-contradicted")).to_contain_text(
        "prefetch_related does a SQL JOIN"
    )
    expect(page.get_by_text(re.compile("0 of 2 covered"))).to_be_visible()
    expect(page.get_by_text("This is advice — your rating decides when the card returns.")).to_be_visible()

"""Filters never hide the answer silently: the best match they exclude is offered above the list, one click away."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from pyprep.bank import search
from pyprep.bank.services import content_load
from pyprep.bank.tests.conftest import FIXTURE_CONTENT

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def bank() -> None:
    assert content_load(root=FIXTURE_CONTENT).errors == []
    # A transactional test's flush empties the model tables but not the full-text table, which may still
    # hold earlier tests' questions under the ids this bank now uses: index this bank alone.
    search.index_rebuild()


def test_a_search_whose_best_match_the_level_filter_hides_offers_it_outside_the_filters(page: Page) -> None:
    page.goto("/questions/?level=entry")
    page.get_by_label("Search", exact=True).fill("__getattribute__")

    row = page.get_by_role("complementary", name="Best match outside your filters")
    expect(row).to_contain_text("Best match outside your filters")
    row.get_by_role("link").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "What is the difference between __getattr__ and __getattribute__?"
    )


def test_no_such_row_when_the_best_match_is_within_the_filters(page: Page) -> None:
    page.goto("/questions/?level=senior&q=__getattribute__")
    expect(page.locator(".question-list")).to_contain_text("__getattribute__")
    expect(page.get_by_text("Best match outside your filters")).to_have_count(0)

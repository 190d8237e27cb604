"""From the list a challenge opens in its editor, with nothing of the approach shown until "Give up" (confirmed)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, expect

from pyprep.challenges.models import Challenge

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_list_opens_the_editor_and_the_approach_waits_for_give_up(
    challenge: Challenge, context: BrowserContext
) -> None:
    question = challenge.question
    spoilers = [
        question.summary.split("\n")[0][:60],
        challenge.explanation.split("\n")[0][:60],
        question.key_points.first().text[:60],  # type: ignore[union-attr]
    ]
    page = context.new_page()
    page.goto("/questions/?kind=challenge")
    expect(page.locator(".question-list")).not_to_contain_text(spoilers[0])
    page.get_by_role("link", name=re.compile("Two sum", re.I)).first.click()
    expect(page).to_have_url(re.compile(rf"/challenges/{challenge.slug}/$"))
    expect(page.locator(".CodeMirror")).to_be_visible()
    html = page.content()
    assert [text for text in spoilers if text in html] == []

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Give up and show the solution").click()
    expect(page.locator("#challenge-solution")).not_to_contain_text("Explanation")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Give up and show the solution").click()
    solution = page.locator("#challenge-solution")
    expect(solution).to_contain_text("Approach")
    expect(solution).to_contain_text("Explanation")
    expect(solution).to_contain_text("Key points")

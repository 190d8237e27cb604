"""A curator types a question's exact title into a set's picker and presses Enter: that question is added,
at the end; the question form previews its Markdown as the page will show it."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from pyprep.bank import search
from pyprep.bank.models import CuratedSet, Question
from pyprep.bank.tests.factories import QuestionFactory
from tests.browser.pages_fixtures import DESKTOP, SiteUrls, signed_in_context

pytestmark = pytest.mark.django_db(transaction=True)

DECOYS = [
    "Class decorators and decorators with arguments",
    "Compare decorators and context managers",
    "Decorators with state",
    "What do decorators return?",
]


def test_typing_an_exact_title_and_pressing_enter_picks_it_and_it_goes_last(
    browser: Browser, live_server: LiveServer, site: SiteUrls
) -> None:
    made = [QuestionFactory.create(title=title) for title in [*DECOYS, "Decorators"]]
    search.index_questions(questions=made)
    curator = get_user_model().objects.create_superuser("curator", "c@example.com", "pw-curator-123")
    curated = CuratedSet.objects.get(slug="starter")
    page = signed_in_context(browser, live_server, curator, viewport=DESKTOP).new_page()
    page.goto(f"/admin/bank/curatedset/{curated.pk}/change/")

    new_row = page.locator("#items-2")
    expect(new_row.locator("input[name$=position]")).to_have_value("")
    new_row.locator(".select2-selection").click()
    page.locator(".select2-search__field").fill("Decorators")
    expect(page.locator(".select2-results__option").first).to_have_text("Decorators")
    page.keyboard.press("Enter")
    expect(new_row.locator(".select2-selection__rendered")).to_contain_text("Decorators")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    items = [(item.position, item.question.title) for item in curated.items.order_by("position")]
    assert items == [
        (1, "Are dictionaries ordered in Python?"),
        (2, "What is the difference between a list and a tuple?"),
        (3, "Decorators"),
    ]
    page.context.close()


def test_the_question_form_previews_the_answer_as_the_page_renders_it(
    browser: Browser, live_server: LiveServer, site: SiteUrls
) -> None:
    curator = get_user_model().objects.create_superuser("curator", "c@example.com", "pw-curator-123")
    question = Question.objects.get(slug="sorted-vs-sort")
    page = signed_in_context(browser, live_server, curator, viewport=DESKTOP).new_page()
    page.goto(f"/admin/bank/question/{question.pk}/change/")
    expect(page.locator("textarea[name=key_points-0-text]")).to_be_visible()

    answer = page.locator("#id_answer")
    answer.fill("**Returned** `None`, see <script>alert(1)</script>")
    page.get_by_role("button", name="Preview answer").click()
    preview = page.get_by_label("Preview of the answer")
    expect(preview.locator("strong")).to_have_text("Returned")
    expect(preview.locator("code")).to_have_text("None")
    expect(preview).to_contain_text("<script>alert(1)</script>")  # shown as text, never run
    answer.fill("Now *edited*")
    expect(preview.locator("em")).to_have_text("edited")  # the open preview follows the text
    page.context.close()

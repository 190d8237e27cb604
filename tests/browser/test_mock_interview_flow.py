"""A candidate runs a 20-minute mock interview end to end, reloads in the middle, rates and schedules the questions."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

from pyprep.mock.models import MockInterview
from pyprep.mock.tests.factories import make_concepts, start_mock
from pyprep.practice.models import Card, Review
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _signed_in_page(context: BrowserContext, live_server: LiveServer, django_user_model: type) -> Page:
    user = django_user_model.objects.create_user(username="candidate", password="pw-123456")  # type: ignore[attr-defined]
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def _seconds_on_clock(page: Page) -> int:
    minutes, seconds = page.locator("#mock-clock").inner_text().split(":")
    return int(minutes) * 60 + int(seconds)


def test_a_twenty_minute_mock_with_a_reload_ends_in_a_report_and_review_cards(
    context: BrowserContext, live_server: LiveServer, django_user_model: type
) -> None:
    make_concepts(6)
    page = _signed_in_page(context, live_server, django_user_model)
    page.goto("/mock/")
    page.get_by_label("Pitched at").select_option("junior")
    page.get_by_label(re.compile("20 minutes")).check()
    page.get_by_role("button", name="Start the mock interview").click()

    expect(page.get_by_text("Question 1 of 4")).to_be_visible()
    page.wait_for_load_state("load")  # focus comes from autofocus; Ctrl+Enter needs mock.js to have run
    answer = page.get_by_label(re.compile("Your answer"))
    expect(answer).to_be_focused()
    answer.fill("Lists are mutable and can change in place, while tuples are immutable and hashable.")
    answer.press("Control+Enter")

    expect(page.get_by_text("Question 2 of 4")).to_be_visible()
    page.wait_for_load_state("load")  # autosave listens once mock.js has run
    title = page.locator("h1.mock-question").inner_text()
    page.get_by_label(re.compile("Your answer")).press_sequentially("Lists can change in place")
    expect(page.locator("#mock-save-status")).to_have_text("Saved")
    before = _seconds_on_clock(page)
    assert 18 * 60 < before <= 20 * 60

    page.reload()
    expect(page.get_by_text("Question 2 of 4")).to_be_visible()
    expect(page.locator("h1.mock-question")).to_have_text(title)
    expect(page.get_by_label(re.compile("Your answer"))).to_have_value("Lists can change in place")
    after = _seconds_on_clock(page)
    assert before - 15 <= after <= before  # the same deadline, not a fresh 20 minutes
    page.get_by_role("button", name=re.compile("Submit answer")).click()

    for number in (3, 4):
        expect(page.get_by_text(f"Question {number} of 4")).to_be_visible()
        page.get_by_role("button", name="Skip").click()

    expect(page.get_by_role("heading", name="Mock interview report")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Against the Junior level"))).to_be_visible()
    expect(page.get_by_text("2 covered · 0 missed · 0 contradicted")).to_be_visible()
    expect(page.locator("dt:text-is('Answered') + dd")).to_have_text("2 of 4")
    mock = MockInterview.objects.get()
    skipped = mock.items.get(position=3)
    page.get_by_label(f"Rating for {skipped.question.title}").select_option(str(int(Grade.HARD)))
    page.get_by_role("button", name="Confirm ratings and schedule reviews").click()

    expect(page.get_by_text("4 questions added to spaced repetition with your ratings.")).to_be_visible()
    assert Review.objects.filter(card__user__username="candidate").count() == 4
    assert Card.objects.filter(user__username="candidate").count() == 4
    assert Review.objects.get(card__question=skipped.question).grade == Grade.HARD

    page.goto("/mock/history/")
    expect(page.locator("svg.chart")).to_be_visible()

    # A second mock with three seconds left: at zero the page hands in what is typed and shows the report.
    user = django_user_model.objects.get(username="candidate")  # type: ignore[attr-defined]
    almost_over = start_mock(Owner(user_id=user.pk), now=timezone.now() - timedelta(minutes=20, seconds=-3))
    page.goto(f"/mock/{almost_over.pk}/")
    page.get_by_label(re.compile("Your answer")).fill("Tuples are immutable.")
    expect(page.get_by_role("heading", name="Mock interview report")).to_be_visible(timeout=15_000)
    expect(page.get_by_text("Time is up. What you had typed was kept as your answer.")).to_be_visible()
    assert almost_over.items.get(position=0).answer == "Tuples are immutable."

"""A candidate solves a challenge in the browser; one attempt fails, one loops forever and hits the time limit."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

from pyprep.challenges.models import Challenge, Submission
from pyprep.judge.models import JudgeHeartbeat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WRONG = """def two_sum(numbers, target):
    for j, value in enumerate(numbers):
        for i in range(len(numbers)):
            if numbers[i] + value == target:
                return (i, j)
    return None
"""
RIGHT = """def two_sum(numbers, target):
    seen = {}
    for j, value in enumerate(numbers):
        if target - value in seen:
            return (seen[target - value], j)
        seen.setdefault(value, j)
    return None
"""
FOREVER = """def two_sum(numbers, target):
    while True:
        pass
"""


def _set_code(page: Page, code: str) -> None:
    page.evaluate("code => document.querySelector('.CodeMirror').CodeMirror.setValue(code)", code)


def _verdict(page: Page) -> str:
    box = page.locator("#challenge-result [data-graded]")
    expect(box).to_be_visible(timeout=30_000)
    return str(box.get_attribute("data-verdict"))


def _signed_in_page(context: BrowserContext, live_server: LiveServer, django_user_model: type) -> Page:
    user = django_user_model.objects.create_user(username="candidate", password="pw-123456")  # type: ignore[attr-defined]
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


@pytest.mark.usefixtures("judge_consumer")
def test_an_anonymous_visitor_runs_the_visible_tests_and_sees_expected_versus_got(
    challenge: Challenge, context: BrowserContext
) -> None:
    page = context.new_page()
    page.goto(f"/challenges/{challenge.slug}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Two sum")
    expect(page.locator(".CodeMirror")).to_be_visible()
    expect(page.locator("#submit-button")).to_have_count(0)
    _set_code(page, WRONG)
    page.locator(".CodeMirror-code").focus()  # the editable surface
    page.keyboard.press("Control+Enter")
    assert _verdict(page) == "wrong_answer"
    result = page.locator("#challenge-result")
    expect(result).to_contain_text("test_pair_at_the_start")
    expect(result.locator(".expected-got").first).to_contain_text("Expected")
    # The draft survives a reload.
    page.reload()
    expect(page.locator(".CodeMirror")).to_contain_text("for i in range(len(numbers))")


@pytest.mark.usefixtures("judge_consumer")
def test_a_candidate_solves_the_challenge_and_sees_the_reference_solution_and_history(
    challenge: Challenge, context: BrowserContext, live_server: LiveServer, django_user_model: type
) -> None:
    # A live judge: the Submit request itself waits for the verdict and answers with it (one round trip); the
    # solution and the history refresh on the events that answer carries.
    now = timezone.now()
    JudgeHeartbeat.objects.create(tier="forkserver", pid=1, host="judge", started_at=now, seen_at=now)
    page = _signed_in_page(context, live_server, django_user_model)
    page.goto(f"/challenges/{challenge.slug}/")
    expect(page.locator("#challenge-solution")).to_contain_text("Shown after an accepted submission")
    page.get_by_role("button", name="Show a hint").click()
    expect(page.locator(".hint-list li")).to_have_count(1)
    _set_code(page, RIGHT)
    page.locator("#submit-button").click()
    assert _verdict(page) == "accepted"
    # The fixed tests plus the cases drawn fresh for this submission, every one passed.
    expect(page.locator("#challenge-result")).to_contain_text(re.compile(r"Accepted: all \d+ tests passed"))
    expect(page.locator("#challenge-solution")).to_contain_text("Explanation")
    expect(page.locator("#challenge-history tbody tr")).to_have_count(1)
    assert Submission.objects.accepted().filter(user__username="candidate").count() == 1


@pytest.mark.usefixtures("judge_consumer")
def test_a_submission_that_loops_forever_gets_a_time_limit_and_the_page_stays_usable(
    challenge: Challenge, context: BrowserContext, live_server: LiveServer, django_user_model: type
) -> None:
    page = _signed_in_page(context, live_server, django_user_model)
    page.goto(f"/challenges/{challenge.slug}/")
    _set_code(page, FOREVER)
    page.locator("#submit-button").click()
    expect(page.locator("#challenge-result .spinner")).to_be_visible()
    assert _verdict(page) == "time_limit"
    expect(page.locator("#challenge-result")).to_contain_text("Time limit exceeded")
    # The code is still there to fix.
    expect(page.locator(".CodeMirror")).to_contain_text("while True")

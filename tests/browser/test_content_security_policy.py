"""Under the site's Content-Security-Policy the htmx pages and the CodeMirror editor work, with no violation."""

from __future__ import annotations

import pytest
from django.test import Client
from playwright.sync_api import BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

from pyprep.bank.services import content_load
from pyprep.bank.tests.conftest import FIXTURE_CONTENT
from pyprep.challenges.models import Challenge

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Collects every violation the browser reports, before any of the page's own scripts run.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def _watched(context: BrowserContext) -> Page:
    context.add_init_script(RECORD_VIOLATIONS)
    return context.new_page()


def _violations(page: Page) -> list[str]:
    return list(page.evaluate("window.__cspViolations"))


def test_the_question_pages_work_under_the_policy(context: BrowserContext) -> None:
    assert content_load(root=FIXTURE_CONTENT).errors == []
    page = _watched(context)
    response = page.goto("/questions/")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator(".result-count")).to_have_text("6 questions")
    page.get_by_label("Expert").check()  # htmx swaps the results in
    expect(page.locator(".result-count")).to_have_text("1 question")
    assert _violations(page) == []
    page.get_by_role("link", name="When would you write a metaclass?").click()
    expect(page.locator(".question-actions")).to_be_visible()
    page.get_by_role("button", name="☆ Star").click()  # an htmx POST with the form's CSRF token
    expect(page.get_by_role("button", name="★ Starred")).to_be_visible()
    assert _violations(page) == []


@pytest.mark.usefixtures("judge_consumer")
def test_the_editor_runs_code_and_the_verdict_arrives_under_the_policy(
    challenge: Challenge, context: BrowserContext, live_server: LiveServer, django_user_model: type
) -> None:
    user = django_user_model.objects.create_user(username="csp", password="pw-123456")  # type: ignore[attr-defined]
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = _watched(context)
    page.goto(f"/challenges/{challenge.slug}/")
    expect(page.locator(".CodeMirror")).to_be_visible()
    page.evaluate(
        "code => document.querySelector('.CodeMirror').CodeMirror.setValue(code)",
        challenge.reference_solution,
    )
    assert _violations(page) == []
    page.locator("#submit-button").click()
    box = page.locator("#challenge-result [data-graded]")
    expect(box).to_be_visible(timeout=30_000)
    assert box.get_attribute("data-verdict") == "accepted"
    assert _violations(page) == []

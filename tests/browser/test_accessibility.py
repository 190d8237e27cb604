"""axe-core finds no serious or critical accessibility violation on the pages a candidate uses most."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page
from pytest_django.live_server_helper import LiveServer

from tests.browser.pages_fixtures import DESKTOP, PHONE, SiteUrls, phone_options, signed_in_context

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page: Page) -> list[str]:
    """axe's serious and critical findings on the page as it is now, one line per rule and element."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make deps` (npm ci installs axe-core)")
    page.add_script_tag(path=str(AXE))
    results: dict[str, Any] = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary']!r}"
        for violation in results["violations"]
        if violation["impact"] in {"serious", "critical"}
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize(
    ("viewport", "options"), [(DESKTOP, {}), (PHONE, phone_options())], ids=["desktop", "phone"]
)
def test_the_main_pages_have_no_serious_or_critical_violations(
    browser: Browser,
    live_server: LiveServer,
    candidate: tuple[Any, SiteUrls],
    viewport: dict[str, int],
    options: dict[str, Any],
) -> None:
    user, urls = candidate
    # axe is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
    context = signed_in_context(browser, live_server, user, viewport=viewport, bypass_csp=True, **options)
    page = context.new_page()
    found: list[str] = []
    for name in ["home", "question_list", "question", "practice_card", "challenge", "progress"]:
        page.goto(getattr(urls, name))
        if name == "challenge":
            page.locator(".CodeMirror").wait_for()
        found += [f"{name}: {violation}" for violation in serious_violations(page)]
    context.close()
    assert found == []

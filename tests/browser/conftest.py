"""Headless Chromium (Debian's, driven by Playwright) against pytest-django's live server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from huey.contrib.djhuey import HUEY
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from pytest_django.live_server_helper import LiveServer

from pyprep.challenges.tests.fixtures import challenge, sandbox  # noqa: F401 - fixtures for the challenge flow
from tests.browser.pages_fixtures import candidate, site  # noqa: F401 - a small site with every kind of page

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# An assertion waits as long as an action does (Playwright's default for `expect` is 5 s). On a shared machine
# the first answer a page sends can take longer, most likely while the server loads the embeddings and the
# feedback model (a fresh-clone `make test` once failed the mock interview's 5 s wait for "Question 2 of 4"
# after Ctrl+Enter; the test passed alone).
expect.set_options(timeout=20_000)
CHROMIUM = os.environ.get("PYPREP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent.name == "browser":
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser, live_server: LiveServer) -> Iterator[BrowserContext]:
    ctx = browser.new_context(base_url=live_server.url, viewport={"width": 1200, "height": 900})
    ctx.set_default_timeout(20_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def judge_consumer() -> Iterator[None]:
    """The huey consumer `manage.py judge` runs, as worker threads of this process: the web request only
    enqueues; these threads take the job, run it in the sandbox and record the verdict."""
    HUEY.flush()
    consumer = HUEY.create_consumer(
        workers=2, worker_type="thread", initial_delay=0.02, max_delay=0.1, backoff=1.15
    )
    consumer.start()
    yield
    consumer.stop(graceful=True)


@pytest.fixture
def phone_page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()

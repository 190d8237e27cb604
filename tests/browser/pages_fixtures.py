"""A small bank with every kind of page a candidate visits, and signed-in browser contexts at set viewports.

The bank is the bank's fixture questions, one question written to stress a page (inline code in its title,
a wide table, long code and output lines, further reading, a review date), a set, and the real two-sum
challenge, loaded together through the real loader (one load: a second load would archive the first).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from playwright.sync_api import Browser, BrowserContext
from pytest_django.live_server_helper import LiveServer

from pyprep.bank.selectors import set_question_ids
from pyprep.bank.services import content_load
from pyprep.bank.tests.conftest import FIXTURE_CONTENT
from pyprep.challenges.models import Challenge, Submission
from pyprep.challenges.tests.fixtures import make_content
from pyprep.judge.sandbox import Sandbox
from pyprep.practice.models import Scope, SessionItem
from pyprep.practice.ownership import Owner
from pyprep.practice.services import session_item_reveal, session_start

PAGES_CONTENT = Path(__file__).parent / "pages_content"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
WIDE_QUESTION = "sorted-vs-sort"
LONG_LINE = "result = compute(" + ", ".join(f"argument_{n}" for n in range(30)) + ")\n"


@dataclass(frozen=True)
class SiteUrls:
    """Every page the checks visit, for one signed-in candidate with a revealed card and a submission."""

    home: str = "/"
    question_list: str = "/questions/"
    question: str = f"/questions/{WIDE_QUESTION}/"
    set: str = "/sets/pages/"
    challenge: str = "/challenges/two-sum-indices/"
    progress: str = "/practice/progress/"
    practice_card: str = ""


@pytest.fixture
def site(tmp_path: Path, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, db: None) -> SiteUrls:
    monkeypatch.setattr("pyprep.judge.runtime._sandbox", sandbox)
    content = make_content(tmp_path, ["two-sum-indices"])
    topics = content / "topics.yaml"
    topics.write_text(topics.read_text() + "\n" + (FIXTURE_CONTENT / "topics.yaml").read_text())
    shutil.copytree(FIXTURE_CONTENT / "questions", content / "questions")
    shutil.copytree(PAGES_CONTENT / "questions", content / "questions", dirs_exist_ok=True)
    shutil.copytree(FIXTURE_CONTENT / "sets", content / "sets")
    shutil.copytree(PAGES_CONTENT / "sets", content / "sets", dirs_exist_ok=True)
    result = content_load(root=content)
    assert not result.errors, result.errors
    return SiteUrls()


def _candidate(django_user_model: Any, site: SiteUrls) -> tuple[Any, SiteUrls]:
    user = django_user_model.objects.create_user(username="candidate", password="pw-123456")
    session = session_start(
        owner=Owner(user_id=user.pk),
        scope=Scope.SET,
        candidate_ids=set_question_ids(slug="pages"),
        title="Sorting",
        length=3,
    )
    item = SessionItem.objects.filter(session=session).order_by("position").first()
    assert item is not None
    session_item_reveal(item=item, answer="sorted() returns a new list; list.sort() returns None.")
    challenge = Challenge.objects.get(question__slug="two-sum-indices")
    Submission.objects.create(
        challenge=challenge,
        user=user,
        kind=Submission.Kind.RUN,
        code=LONG_LINE * 3,
        state=Submission.State.DONE,
        verdict="wrong_answer",
        summary="Wrong answer: 1 of 3 tests passed",
        runtime_ms=12.0,
    )
    return user, SiteUrls(practice_card=session.get_absolute_url())


@pytest.fixture
def candidate(site: SiteUrls, django_user_model: Any) -> tuple[Any, SiteUrls]:
    """A signed-in candidate's account and the pages to visit, a practice card among them (revealed)."""
    return _candidate(django_user_model, site)


def signed_in_context(
    browser: Browser, live_server: LiveServer, user: Any, *, viewport: dict[str, int], **options: Any
) -> BrowserContext:
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, viewport=viewport, **options)  # type: ignore[arg-type]
    context.set_default_timeout(20_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


def phone_options() -> dict[str, Any]:
    return {"is_mobile": True, "has_touch": True}

"""An interviewer builds a kit, prints it to PDF, saves it as a plan, scores it by keyboard only, reloads,
and reads the report and its CSV."""

from __future__ import annotations

import csv
import io
import re
import unicodedata

import pytest
from django.test import Client
from playwright.sync_api import BrowserContext, expect
from pypdf import PdfReader
from pytest_django.live_server_helper import LiveServer

from pyprep.interviews.models import InterviewPlan
from pyprep.interviews.tests.factories import make_bank, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# Records Content-Security-Policy violations and stands in for the print dialog, before the page's scripts run.
WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(e.violatedDirective));
window.__printed = 0;
window.print = () => { window.__printed += 1; };
"""


def _words(text: str) -> str:
    # NFKC undoes the ligatures a PDF's font may set ("ﬀ" in "affect").
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_build_print_save_score_by_keyboard_reload_and_download_the_report(
    context: BrowserContext, live_server: LiveServer
) -> None:
    make_bank(level="senior", count=8, topics=3)
    client = Client()
    client.force_login(make_user("interviewer"))
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    context.add_init_script(WATCH)
    page = context.new_page()

    page.goto("/interviews/kit/?level=senior&count=3&challenge=1")
    expect(page).to_have_url(re.compile(r"seed=\d+"))
    # A fixed seed from here on: which questions come first (and so how many rubric rows precede each) is the draw's.
    page.goto("/interviews/kit/?level=senior&count=3&challenge=1&seed=1")
    titles = [_words(t) for t in page.locator(".kit-question h2").all_inner_texts()]
    assert len(titles) == 4
    page.get_by_role("button", name="Print / save as PDF").click()
    assert page.evaluate("window.__printed") == 1

    # The browser's print-to-PDF, with the print stylesheet: every question is in it, the screen-only parts not.
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = _words(" ".join(p.extract_text() or "" for p in pdf.pages))
    for title in titles:
        assert _words(title.split(". ", 1)[1]) in text, title
    assert "Print / save as PDF" not in text
    assert "Log out" not in text
    assert len(pdf.pages) >= 5  # the scale, then each question on a page of its own
    page.emulate_media(media="screen")

    page.get_by_label("Candidate or interview name").fill("Ada, Monday")
    page.get_by_role("button", name="Save as interview plan").click()
    expect(page.get_by_role("heading", name="Ada, Monday")).to_be_visible()
    page.wait_for_load_state("load")  # the scoring script's keys are bound once it has run

    # Keyboard only: j / arrows move between rows, digits score the focused row, N opens the question's note.
    page.keyboard.press("j")
    page.keyboard.press("2")
    expect(page.locator("#save-status")).to_have_text("Saved")
    page.keyboard.press("j")
    page.keyboard.press("3")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("1")
    page.keyboard.press("k")
    page.keyboard.press("0")
    expect(page.locator("#save-status")).to_have_text("Saved")
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(page.locator(".score-row").nth(3)).to_be_focused()
    page.keyboard.press("n")
    # The note of the question that row belongs to (how many rows a question has depends on the draw).
    question_of_row = (
        page.locator(".score-row")
        .nth(3)
        .locator("xpath=ancestor::*[contains(concat(' ', @class, ' '), ' score-question ')]")
    )
    expect(question_of_row.locator(".note-form textarea")).to_be_focused()
    page.keyboard.type("Knew the trade-offs.")
    page.keyboard.press("Escape")
    expect(page.locator("#save-status")).to_have_text("Note saved")

    assert page.evaluate("window.__cspViolations") == []
    page.reload()
    rows = page.locator(".score-row")
    assert [rows.nth(i).get_attribute("data-score") for i in range(4)] == ["2", "0", "1", ""]
    expect(rows.nth(0).locator('button[aria-pressed="true"]')).to_have_text("2")
    expect(question_of_row.locator(".note-form textarea")).to_have_value("Knew the trade-offs.")

    page.get_by_role("link", name="See the report").click()
    expect(page.get_by_role("heading", name=re.compile("Level estimate"))).to_be_visible()
    expect(page.get_by_text("Knew the trade-offs.")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("pyprep-interview-Ada--Monday-")
    with open(download.path(), encoding="utf-8") as handle:
        sheet = list(csv.reader(handle))
    assert sheet[0] == ["question", "slug", "level", "topic", "key point", "score", "notes"]
    assert [row[5] for row in sheet[1:5]] == ["2", "0", "1", ""]
    assert sheet[3][6] == "Knew the trade-offs."
    assert InterviewPlan.objects.get().title == "Ada, Monday"
    assert page.evaluate("window.__cspViolations") == []

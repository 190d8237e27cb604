"""Markdown from files and the admin never puts script or event handlers on a page."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.test import Client

from pyprep.bank.rendering import render_markdown
from pyprep.bank.tests.factories import QuestionFactory

ATTACKS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src='https://example.com'></iframe>",
]


class ActiveContent(HTMLParser):
    """Collects live elements and attributes that could run code; escaped text is harmless."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "iframe", "img", "object", "embed", "style"}:
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag}[{name}]")


def active_content(html: str) -> list[str]:
    parser = ActiveContent()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("attack", ATTACKS)
def test_rendered_markdown_contains_no_active_content(attack: str) -> None:
    html = render_markdown(f"Intro\n\n{attack}\n\n**bold**")
    assert active_content(html) == []
    assert "<strong>bold</strong>" in html


def test_the_checker_itself_spots_active_content() -> None:
    assert active_content('<p onclick="x()">a</p><script>1</script>') == ["p[onclick]", "script"]


@pytest.mark.django_db
def test_a_script_tag_in_an_answer_never_reaches_the_page(client: Client) -> None:
    question = QuestionFactory.create(
        answer="Before\n\n<script>document.title='owned'</script>\n\nAfter",
        summary="Sum <script>alert(1)</script>",
    )
    response = client.get(question.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "document.title='owned'</script>" not in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page

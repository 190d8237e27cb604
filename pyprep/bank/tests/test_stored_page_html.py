"""A question page pastes HTML rendered once at load; it is rebuilt when the content changes or the admin saves."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from pyprep.bank.models import Question
from pyprep.bank.rendering import ExampleSource, QuestionSource, render_question
from pyprep.bank.services import content_load, questions_render
from pyprep.bank.tests.factories import QuestionFactory


def test_rendering_highlights_code_escapes_output_and_sanitizes_markdown() -> None:
    rendered = render_question(
        QuestionSource(
            summary="Use **tuples** <script>alert(1)</script>",
            answer="```python\nx = (1, 2)\n```",
            examples=(ExampleSource("A *tuple*", "print((1,))", "(1,)\n<b>"),),
            key_points=("Tuples are `immutable`.", "Lists are not."),
            follow_ups=("What about `namedtuple`?",),
        )
    )
    assert "<strong>tuples</strong>" in rendered.summary_html
    assert "<script>" not in rendered.summary_html
    assert '<pre class="highlight">' in rendered.answer_html
    assert "<figcaption>A <em>tuple</em></figcaption>" in rendered.examples_html
    assert "&lt;b&gt;" in rendered.examples_html
    assert rendered.key_point_count == 2
    assert "<code>namedtuple</code>" in rendered.follow_ups_html


def test_the_digest_changes_with_any_source_and_only_then() -> None:
    source = QuestionSource(summary="S", answer="A", key_points=("one",))
    assert source.digest() == QuestionSource(summary="S", answer="A", key_points=("one",)).digest()
    assert source.digest() != QuestionSource(summary="S", answer="A", key_points=("two",)).digest()
    assert source.digest() != QuestionSource(summary="S", answer="B", key_points=("one",)).digest()


@pytest.mark.usefixtures("bank")
def test_loading_content_stores_every_question_s_rendered_html() -> None:
    question = Question.objects.get(slug="list-vs-tuple")
    assert question.rendered_hash
    assert question.answer_html.startswith("<")
    assert not Question.objects.filter(rendered_hash="").exists()


@pytest.mark.usefixtures("bank")
def test_the_page_shows_the_stored_html_not_a_fresh_rendering(client: Client) -> None:
    Question.objects.filter(slug="list-vs-tuple").update(answer_html="<p>Stored answer marker</p>")
    assert "Stored answer marker" in client.get("/questions/list-vs-tuple/").content.decode()


def test_a_changed_content_file_rebuilds_the_stored_html(
    tmp_path: Path, fixture_content: Path, db: None
) -> None:
    import shutil

    root = tmp_path / "content"
    shutil.copytree(fixture_content, root)
    assert content_load(root=root).errors == []
    before = Question.objects.get(slug="list-vs-tuple")
    path = root / "questions/core/list-vs-tuple.md"
    path.write_text(path.read_text().replace("## Answer\n", "## Answer\nA freshly **edited** answer.\n\n", 1))
    assert content_load(root=root).errors == []
    after = Question.objects.get(slug="list-vs-tuple")
    assert after.rendered_hash != before.rendered_hash
    assert "A freshly <strong>edited</strong> answer." in after.answer_html


@pytest.mark.usefixtures("bank")
def test_an_unchanged_load_renders_nothing_again() -> None:
    assert questions_render(questions=Question.objects.all()) == 0


def test_an_admin_save_rebuilds_the_stored_html(client: Client, db: None) -> None:
    admin = get_user_model().objects.create_superuser("curator", "c@example.com", "a long password 123")
    client.force_login(admin)
    question = QuestionFactory.create(answer="Old answer.")
    questions_render(questions=Question.objects.filter(pk=question.pk))
    response = client.post(
        f"/admin/bank/question/{question.pk}/change/",
        {
            "title": question.title, "slug": question.slug, "level": "mid", "kind": "concept",
            "status": "published", "topics": [t.pk for t in question.topics.all()],
            "summary": "New summary.", "answer": "A *new* answer.",
            "key_points-TOTAL_FORMS": "0", "key_points-INITIAL_FORMS": "0",
            "examples-TOTAL_FORMS": "0", "examples-INITIAL_FORMS": "0",
            "follow_ups-TOTAL_FORMS": "0", "follow_ups-INITIAL_FORMS": "0",
            "misconceptions-TOTAL_FORMS": "0", "misconceptions-INITIAL_FORMS": "0",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    question.refresh_from_db()
    assert question.answer_html == "<p>A <em>new</em> answer.</p>\n"


def test_a_question_made_outside_the_loader_is_rendered_on_the_fly(client: Client, db: None) -> None:
    QuestionFactory.create(slug="made-by-hand", answer="Made **by hand**.")
    page = client.get("/questions/made-by-hand/").content.decode()
    assert "Made <strong>by hand</strong>." in page

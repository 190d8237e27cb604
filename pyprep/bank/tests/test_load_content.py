"""load_content validates everything first, writes in one transaction, archives instead of deleting."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pyprep.bank.models import CuratedSet, Question, Status
from pyprep.bank.services import content_load, question_after_admin_save
from pyprep.bank.tests.conftest import FIXTURE_CONTENT

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, root)
    return root


def snapshot() -> list[tuple[object, ...]]:
    return list(
        Question.objects.order_by("slug").values_list(
            "slug", "title", "status", "updated_at", "search_document"
        )
    )


def test_loading_creates_every_question_topic_and_set(content: Path) -> None:
    out = StringIO()
    call_command("load_content", content=str(content), stdout=out)
    assert "6 created" in out.getvalue()
    question = Question.objects.get(slug="getattr-hooks")
    assert question.level == "senior"
    assert [t.slug for t in question.topics.all()] == ["objects"]
    assert question.key_points.count() == 3
    assert question.examples.get().output == "6\n"
    assert question.follow_ups.count() == 1
    starter = CuratedSet.objects.get(slug="starter")
    assert starter.featured
    assert [item.question.slug for item in starter.items.all()] == ["dict-ordering", "list-vs-tuple"]


def test_loading_twice_changes_nothing(content: Path) -> None:
    content_load(root=content)
    before = snapshot()
    result = content_load(root=content)
    assert result.report is not None
    assert not result.report.changed
    assert result.report.unchanged == 6
    assert snapshot() == before


def test_an_edited_file_updates_only_that_question(content: Path) -> None:
    content_load(root=content)
    path = content / "questions" / "core" / "list-vs-tuple.md"
    path.write_text(path.read_text().replace("Summary of list-vs-tuple", "A new summary"))
    result = content_load(root=content)
    assert result.report is not None
    assert result.report.updated == ["list-vs-tuple"]
    assert Question.objects.get(slug="list-vs-tuple").summary.startswith("A new summary")


def test_a_question_removed_from_the_files_is_archived_not_deleted(content: Path) -> None:
    content_load(root=content)
    (content / "questions" / "core" / "mutable-defaults.md").unlink()
    result = content_load(root=content)
    assert result.report is not None
    assert result.report.archived == ["mutable-defaults"]
    assert Question.objects.get(slug="mutable-defaults").status == Status.ARCHIVED


def test_a_bad_file_leaves_the_database_exactly_as_it_was(content: Path) -> None:
    content_load(root=content)
    before = snapshot()
    good = content / "questions" / "core" / "list-vs-tuple.md"
    good.write_text(good.read_text().replace("Summary of", "Changed summary of"))
    bad = content / "questions" / "core" / "dict-ordering.md"
    bad.write_text(bad.read_text().replace("level: mid", "level: wizard"))
    (content / "questions" / "core" / "broken.md").write_text("---\nslug: [unclosed\n---\n")
    err = StringIO()
    with pytest.raises(CommandError, match="2 error"):
        call_command("load_content", content=str(content), stderr=err)
    lines = err.getvalue().splitlines()
    assert any(
        line.startswith("content/questions/core/dict-ordering.md:4: unknown level 'wizard'") for line in lines
    )
    assert any(line.startswith("content/questions/core/broken.md:3: broken YAML") for line in lines)
    assert snapshot() == before


def test_a_duplicate_slug_in_another_folder_is_refused(content: Path) -> None:
    shutil.copy(
        content / "questions" / "core" / "list-vs-tuple.md", content / "questions" / "objects" / "copy.md"
    )
    result = content_load(root=content)
    assert [str(e) for e in result.errors] == [
        "content/questions/objects/copy.md:2: duplicate question slug 'list-vs-tuple' "
        "(first defined at content/questions/core/list-vs-tuple.md:2)"
    ]
    assert Question.objects.count() == 0


def test_an_example_without_output_blocks_the_load(content: Path) -> None:
    path = content / "questions" / "core" / "list-vs-tuple.md"
    path.write_text(path.read_text().replace("```output\n6\n```\n", ""))
    result = content_load(root=content)
    assert [e.message for e in result.errors] == [
        "example has no output block: follow the code with ```output"
    ]
    assert Question.objects.count() == 0


def test_a_question_back_in_the_files_after_archiving_is_published_again(content: Path) -> None:
    content_load(root=content)
    path = content / "questions" / "core" / "mutable-defaults.md"
    text = path.read_text()
    path.unlink()
    content_load(root=content)
    path.write_text(text)
    result = content_load(root=content)
    assert result.report is not None
    assert result.report.updated == ["mutable-defaults"]
    assert Question.objects.get(slug="mutable-defaults").status == Status.PUBLISHED


def test_a_field_edited_in_the_admin_is_put_back_from_its_file_by_the_next_load(content: Path) -> None:
    content_load(root=content)
    question = Question.objects.get(slug="list-vs-tuple")
    question.answer = "Edited by hand"
    question.save()
    question.key_points.all().delete()
    question_after_admin_save(question=question)
    result = content_load(root=content)
    assert result.report is not None
    assert result.report.updated == ["list-vs-tuple"]
    question.refresh_from_db()
    assert question.answer != "Edited by hand"
    assert question.key_points.count() > 0


def test_a_reload_of_unchanged_files_reads_no_question_parts(content: Path) -> None:
    content_load(root=content)
    with CaptureQueriesContext(connection) as queries:
        content_load(root=content)
    # The stored digest decides: key points, examples, follow-ups, topics and links are not read per question.
    parts = (
        "bank_keypoint",
        "bank_example",
        "bank_followup",
        "bank_question_topics",
        "bank_question_related",
    )
    assert not [q["sql"] for q in queries.captured_queries if any(table in q["sql"] for table in parts)]
    assert sum('FROM "bank_question"' in q["sql"] for q in queries.captured_queries) == 1

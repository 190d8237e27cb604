"""The optional `## Rubric` section is validated at load and lands on key points and misconceptions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pyprep.bank.content import parse_question
from pyprep.bank.models import Misconception, Question
from pyprep.bank.services import content_load
from pyprep.bank.tests.conftest import FIXTURE_CONTENT

HEAD = """---
slug: sample
title: What is a sample?
level: mid
topics: [core]
---

## Summary
A sample.

## Answer
Some answer.

## Key points
- `__getattribute__` runs on every access.
- Use `super().__getattribute__` to avoid recursion.

## Follow-ups
- Next?
"""

RUBRIC = """
## Rubric
```yaml
key_points:
  - point: 1
    concepts:
      - [__getattribute__]
      - [every access, always]
  - point: 2
    concepts:
      - super
      - [recursion, RecursionError]
misconceptions:
  - claim: __getattr__ runs on every access.
    concepts: [[__getattr__], [every access, always]]
    unless: [__getattribute__]
    contradicts: [1]
    correction: __getattr__ is only the fallback; __getattribute__ runs on every access.
```
"""


def test_a_rubric_gives_each_key_point_its_concepts_and_the_question_its_misconceptions() -> None:
    spec, errors = parse_question(HEAD + RUBRIC, "q.md")
    assert errors == []
    assert spec is not None
    assert spec.rubric is not None
    first, second = spec.rubric.points
    assert first is not None
    assert [c.alternatives for c in first.concepts] == [
        ("__getattribute__",),
        ("every access", "always"),
    ]
    assert second is not None
    assert second.concepts[0].alternatives == ("super",)
    (wrong,) = spec.rubric.misconceptions
    assert wrong.contradicts == (0,)
    assert wrong.unless == ("__getattribute__",)
    assert wrong.correction.startswith("__getattr__ is only the fallback")


def test_a_question_without_a_rubric_still_loads() -> None:
    spec, errors = parse_question(HEAD, "q.md")
    assert errors == []
    assert spec is not None
    assert spec.rubric is None


def test_rubric_mistakes_are_reported_at_their_lines_in_the_file() -> None:
    broken = (
        RUBRIC.replace("point: 2", "point: 7")
        .replace("[recursion, RecursionError]", "[re:(unclosed]")
        .replace(
            "    correction: __getattr__ is only the fallback; __getattribute__ runs on every access.\n", ""
        )
    )
    text = HEAD + broken
    _, errors = parse_question(text, "q.md")
    lines = text.splitlines()
    messages = {(lines[e.line - 1].strip(), e.message.split(":")[0]) for e in errors}
    assert ("- point: 7", "point must be a key point number from 1 to 2, got 7") in messages
    assert ("- claim: __getattr__ runs on every access.", "misconception 1 needs correction") in messages
    assert any("key point(s) 2" in e.message for e in errors)


def test_a_rubric_that_is_not_the_last_section_is_an_error() -> None:
    text = HEAD.replace("## Follow-ups\n- Next?\n", "") + RUBRIC + "\n## Follow-ups\n- Next?\n"
    _, errors = parse_question(text, "q.md")
    assert [e.message for e in errors] == [
        "'## Rubric' must be the last section of the file, after '## Follow-ups'"
    ]


@pytest.mark.django_db
def test_loading_a_rubric_stores_concepts_and_misconceptions_and_a_second_load_changes_nothing(
    tmp_path: Path,
) -> None:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, root)
    target = root / "questions" / "objects" / "getattr-hooks.md"
    spec, _ = parse_question(target.read_text(encoding="utf-8"), "x.md")
    assert spec is not None
    points = "\n".join(
        f"  - point: {n}\n    concepts: [[word{n}], [other{n}, alt{n}]]"
        for n in range(1, len(spec.key_points) + 1)
    )
    target.write_text(
        target.read_text(encoding="utf-8").rstrip("\n")
        + f"\n\n## Rubric\n```yaml\nkey_points:\n{points}\nmisconceptions:\n"
        "  - claim: Wrong.\n    concepts: [[x], [y]]\n    contradicts: [1]\n    correction: Right.\n```\n",
        encoding="utf-8",
    )
    first = content_load(root=root)
    assert first.errors == []
    question = Question.objects.get(slug="getattr-hooks")
    assert question.key_points.first().concepts == [["word1"], ["other1", "alt1"]]  # type: ignore[union-attr]
    wrong = Misconception.objects.get(question=question)
    assert (wrong.concepts, wrong.contradicts, wrong.correction) == ([["x"], ["y"]], [1], "Right.")
    second = content_load(root=root)
    assert second.report is not None
    assert not second.report.changed

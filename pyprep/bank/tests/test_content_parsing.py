"""The content parser reports every problem as path:line: message."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pyprep.bank.content import parse_question, parse_set, parse_topics, read_bundle

GOOD = """---
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
- One.
- Two
  continued.

## Examples
### Caption
```python
print(1)
```

```output
1
```

## Follow-ups
- Next?
"""


def test_a_complete_question_parses_into_its_sections() -> None:
    spec, errors = parse_question(GOOD, "q.md")
    assert errors == []
    assert spec is not None
    assert spec.summary == "A sample."
    assert spec.key_points == ("One.", "Two continued.")
    assert [(e.title, e.code, e.output) for e in spec.examples] == [("Caption", "print(1)\n", "1\n")]
    assert spec.examples[0].line == 21
    assert spec.follow_ups == ("Next?",)
    assert spec.kind == "concept"
    assert spec.status == "published"


def test_a_missing_field_is_reported_with_the_file_name() -> None:
    _, errors = parse_question(GOOD.replace("level: mid\n", ""), "q.md")
    assert [str(e) for e in errors] == ["q.md:1: missing field 'level'"]


def test_an_unknown_level_names_the_line_and_the_allowed_levels() -> None:
    _, errors = parse_question(GOOD.replace("level: mid", "level: guru"), "q.md")
    assert [str(e) for e in errors] == [
        "q.md:4: unknown level 'guru' (expected one of: entry, junior, mid, senior, expert)"
    ]


def test_broken_yaml_is_reported_at_its_line() -> None:
    _, errors = parse_question(GOOD.replace("topics: [core]", "topics: [core"), "q.md")
    assert len(errors) == 1
    assert errors[0].message.startswith("broken YAML")
    assert errors[0].line in (5, 6, 7)


def test_an_example_without_output_is_an_error_at_the_code_block() -> None:
    text = GOOD.replace("```output\n1\n```\n", "")
    _, errors = parse_question(text, "q.md")
    assert [str(e) for e in errors] == [
        "q.md:21: example has no output block: follow the code with ```output"
    ]


def test_a_missing_section_and_an_unknown_section_are_both_reported() -> None:
    text = GOOD.replace("## Summary\nA sample.\n", "").replace("## Follow-ups", "## Trivia")
    _, errors = parse_question(text, "q.md")
    messages = [e.message for e in errors]
    assert any(m.startswith("unknown section '## Trivia'") for m in messages)
    assert "missing section '## Summary'" in messages


def test_a_file_without_front_matter_is_rejected() -> None:
    _, errors = parse_question("## Summary\nx\n", "q.md")
    assert [e.message for e in errors] == ["missing YAML front matter: the file must start with a line '---'"]


def test_topics_and_sets_validate_their_fields() -> None:
    topics, errors = parse_topics("- slug: Bad Slug\n  name: X\n", "topics.yaml")
    assert [str(e) for e in errors] == [
        "topics.yaml:1: topic slug 'Bad Slug' must be lowercase words joined by hyphens"
    ]
    curated, errors = parse_set("slug: s\ntitle: S\n", "sets/s.yaml")
    assert curated is None
    assert [str(e) for e in errors] == ["sets/s.yaml:1: missing field 'questions'"]


def test_cross_file_errors_are_all_reported_together(tmp_path: Path) -> None:
    (tmp_path / "questions" / "core").mkdir(parents=True)
    (tmp_path / "sets").mkdir()
    (tmp_path / "topics.yaml").write_text("- slug: core\n  name: Core\n")
    (tmp_path / "questions" / "core" / "a.md").write_text(GOOD)
    (tmp_path / "questions" / "core" / "b.md").write_text(
        GOOD.replace("topics: [core]", "topics: [nope]\nrelated: [missing]")
    )
    (tmp_path / "sets" / "s.yaml").write_text("slug: s\ntitle: S\nquestions: [sample, ghost]\n")
    _, errors = read_bundle(tmp_path)
    rendered = sorted(str(e).replace(str(tmp_path.name) + "/", "") for e in errors)
    assert rendered == [
        "questions/core/b.md:2: duplicate question slug 'sample' (first defined at questions/core/a.md:2)",
        "questions/core/b.md:5: unknown topic 'nope' (add it to topics.yaml first)",
        "questions/core/b.md:6: related question 'missing' does not exist",
        "sets/s.yaml:3: set lists question 'ghost', which does not exist",
    ]


def test_a_questions_content_hash_changes_with_any_field_and_only_then() -> None:
    spec, errors = parse_question(GOOD, "content/questions/core/x.md")
    assert not errors
    assert spec is not None
    same, _ = parse_question(GOOD, "content/questions/core/x.md")
    assert same is not None
    assert same.content_hash == spec.content_hash
    for change in (
        {"title": "Another title"},
        {"follow_ups": ()},
        {"examples": spec.examples[:0]},
        {"related": ("other",)},
        {"path": "content/questions/core/y.md"},
    ):
        assert replace(spec, **change).content_hash != spec.content_hash, change


def test_asked_as_phrasings_are_parsed_from_the_line_after_the_title() -> None:
    text = GOOD.replace(
        "title: What is a sample?\n",
        "title: What is a sample?\nasked_as:\n  - sample meaning\n  - What's a sample for?\n",
    )
    spec, errors = parse_question(text, "questions/core/sample.md")
    assert errors == []
    assert spec is not None
    assert spec.asked_as == ("sample meaning", "What's a sample for?")


def test_asked_as_that_is_not_a_list_of_phrasings_is_an_error_at_its_line() -> None:
    text = GOOD.replace("title: What is a sample?\n", "title: What is a sample?\nasked_as: {a: 1}\n")
    _, errors = parse_question(text, "questions/core/sample.md")
    assert [(e.line, e.message[:31]) for e in errors] == [(4, "asked_as must be a list of one-")]


def test_docs_and_review_date_are_parsed_from_the_front_matter() -> None:
    text = GOOD.replace(
        "title: What is a sample?\n",
        "title: What is a sample?\ndocs:\n  - https://docs.python.org/3/library/heapq.html\n"
        "  - https://peps.python.org/pep-0701/\nreviewed: 2026-12-01\n",
    )
    spec, errors = parse_question(text, "questions/core/sample.md")
    assert errors == []
    assert spec is not None
    assert spec.docs == ("https://docs.python.org/3/library/heapq.html", "https://peps.python.org/pep-0701/")
    assert spec.reviewed == "2026-12-01"


def test_a_docs_entry_that_is_not_an_https_address_is_an_error_at_its_line() -> None:
    text = GOOD.replace(
        "title: What is a sample?\n", "title: What is a sample?\ndocs:\n  - http://example.com/x\n"
    )
    _, errors = parse_question(text, "questions/core/sample.md")
    assert [(e.line, e.message) for e in errors] == [
        (4, "docs entry 'http://example.com/x' must be one https address without spaces")
    ]


def test_a_review_date_that_is_not_a_date_is_an_error_at_its_line() -> None:
    text = GOOD.replace("title: What is a sample?\n", "title: What is a sample?\nreviewed: last week\n")
    _, errors = parse_question(text, "questions/core/sample.md")
    assert [(e.line, e.message) for e in errors] == [
        (4, "reviewed must be a date like 2026-12-01, not 'last week'")
    ]

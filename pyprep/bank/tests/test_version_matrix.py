"""Examples and checks run on every supported Python found; the page and the API say which versions passed."""

from __future__ import annotations

import shutil
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from pyprep.bank.content import QuestionSpec, parse_question, read_bundle
from pyprep.bank.models import Question
from pyprep.bank.services import (
    content_load,
    content_verify,
    question_after_admin_save,
    verification_record,
    verification_targets,
)
from pyprep.bank.tests.conftest import FIXTURE_CONTENT
from pyprep.bank.versions import VersionRange, interpreters_find, outputs_by_version

JUDGE = f"{sys.version_info.major}.{sys.version_info.minor}"

QUESTION = """---
slug: versioned
title: What changed between versions?
level: senior
topics: [core]
---

## Summary
Messages change between versions.

## Answer
Error messages are not part of the language and change between releases.

## Key points
- Messages change.

## Examples

### A message that changed
```python 3.11+
import sys
print("newer text" if sys.version_info >= (3, 13) else "default text")
```

```output
default text
```

```output 3.13+
newer text
```

## Checks

### The judge's interpreter is the one this test suite runs on
```python
import sys
assert sys.version_info[:2] == ({major}, {minor}), sys.version_info
```

## Follow-ups
- Why?
"""


def _question(text: str = QUESTION) -> str:
    return text.replace("{major}", str(sys.version_info.major)).replace(
        "{minor}", str(sys.version_info.minor)
    )


def test_a_code_fence_names_the_oldest_python_and_an_output_fence_the_versions_that_print_it() -> None:
    spec, errors = parse_question(_question(), "questions/core/versioned.md")
    assert errors == []
    assert spec is not None
    (example,) = spec.examples
    assert example.min_version == "3.11"
    assert example.output == "default text\n"
    assert example.variants == (("3.13+", "newer text\n"),)
    (check,) = spec.checks
    assert check.claim == "The judge's interpreter is the one this test suite runs on"


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("```output 3.13+", "a second plain output"),  # the variant loses its version: two plain outputs
        ("```output three", "is not a Python version range"),
        ("```output 3.13-3.10", "ends before it starts"),
    ],
)
def test_a_bad_version_on_a_fence_is_reported_at_its_line(broken: str, message: str) -> None:
    text = _question().replace("```output 3.13+", broken if broken != "```output 3.13+" else "```output")
    _, errors = parse_question(text, "questions/core/versioned.md")
    assert any(message in str(error) and ":" in str(error) for error in errors), errors


def test_a_check_without_a_heading_naming_its_claim_is_refused() -> None:
    text = _question().replace("### The judge's interpreter is the one this test suite runs on\n", "")
    _, errors = parse_question(text, "questions/core/versioned.md")
    assert any("which claim it backs" in str(error) for error in errors)


def test_version_ranges_hold_what_they_say() -> None:
    assert "3.13" in VersionRange.parse("3.13+")
    assert "3.12" not in VersionRange.parse("3.13+")
    assert "3.11" in VersionRange.parse("3.10-3.12")
    assert "3.13" not in VersionRange.parse("3.10-3.12")
    assert str(VersionRange.parse("3.10-3.12")) == "3.10–3.12"


def test_outputs_are_grouped_by_the_versions_that_print_them() -> None:
    assert outputs_by_version(default="a\n", variants=[["3.13+", "b\n"]], min_version="3.11") == [
        ("3.11 · 3.12", "a\n"),
        ("3.13", "b\n"),
    ]


def test_interpreters_are_found_from_the_listed_paths_one_per_version(tmp_path: Path) -> None:
    found = interpreters_find(environ={"PYPREP_PYTHONS": sys.executable, "PYENV_ROOT": str(tmp_path)})
    assert found[JUDGE] == Path(sys.executable)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, root)
    return root


def _bank_with(root: Path, text: str) -> Path:
    (root / "questions" / "core" / "versioned.md").write_text(text)
    return root


def test_a_failing_check_is_reported_with_its_version(content: Path) -> None:
    broken = _question().replace("assert sys.version_info[:2] ==", "assert sys.version_info[:2] !=")
    err = StringIO()
    with pytest.raises(CommandError, match="1 run"):
        call_command(
            "verify_content",
            content=str(_bank_with(content, broken)),
            versions=JUDGE,
            only="versioned",
            stdout=StringIO(),
            stderr=err,
        )
    assert f"versioned.md:35: [Python {JUDGE}] check failed" in err.getvalue()
    assert "AssertionError" in err.getvalue()


def test_every_version_found_runs_and_other_versions_report_their_own_output() -> None:
    targets = verification_targets()
    others = [version for version in targets if version != JUDGE]
    if not others:
        pytest.skip("only the judge's Python is installed here")
    # Without the check, which holds only on the judge's own version.
    text = _question().split("## Checks")[0] + "## Follow-ups\n- Why?\n"
    spec, errors = parse_question(text, "questions/core/versioned.md")
    assert errors == []
    assert spec is not None
    report = content_verify(questions=[spec], targets=targets)
    assert report.failures == []
    assert report.records["versioned"]["versions"] == [v for v in targets if v >= "3.11"]


def _loaded_spec(slug: str) -> QuestionSpec:
    """The spec exactly as the loader read it (its content hash is what the record is checked against)."""
    bundle, errors = read_bundle(FIXTURE_CONTENT)
    assert errors == []
    return next(spec for spec in bundle.questions if spec.slug == slug)


@pytest.mark.django_db
def test_the_page_and_the_api_say_which_versions_an_example_was_verified_on(client: Client) -> None:
    assert content_load(root=FIXTURE_CONTENT).errors == []
    spec = _loaded_spec("list-vs-tuple")
    report = content_verify(questions=[spec], targets={JUDGE: None})
    assert verification_record(report=report) == 1

    page = client.get("/questions/list-vs-tuple/").content.decode()
    assert f"✓ Verified on Python {JUDGE}" in page
    data = client.get("/api/questions/list-vs-tuple").json()
    assert data["verified_on"] == [JUDGE]
    assert data["examples"][0]["verified_on"] == [JUDGE]


@pytest.mark.django_db
def test_an_example_edited_since_it_was_verified_is_shown_as_not_yet_verified(client: Client) -> None:
    assert content_load(root=FIXTURE_CONTENT).errors == []
    spec, _ = parse_question(
        (FIXTURE_CONTENT / "questions" / "core" / "list-vs-tuple.md").read_text(),
        "questions/core/list-vs-tuple.md",
    )
    assert spec is not None
    verification_record(report=content_verify(questions=[spec], targets={JUDGE: None}))
    question = Question.objects.get(slug="list-vs-tuple")
    example = question.examples.get()
    example.output = "something the code never printed"
    example.save()
    question_after_admin_save(question=question)  # what the admin does after saving the inlines

    page = client.get("/questions/list-vs-tuple/").content.decode()
    assert "Not yet verified on every Python since it last changed" in page
    assert client.get("/api/questions/list-vs-tuple").json()["verified_on"] == []

"""The challenge folder format: what is required and how mistakes are reported (pure, no judge)."""

from __future__ import annotations

import shutil
from pathlib import Path

from pyprep.challenges.spec import parse_challenge
from pyprep.challenges.spec import test_function_names as names_of_tests
from pyprep.challenges.tests.fixtures import CHALLENGES


def _copy(tmp_path: Path, slug: str = "two-sum-indices") -> Path:
    folder = tmp_path / slug
    shutil.copytree(CHALLENGES / slug, folder)
    return folder


def test_test_names_come_in_definition_order() -> None:
    assert names_of_tests("def test_b(): pass\ndef helper(): pass\ndef test_a(): pass\n") == [
        "test_b",
        "test_a",
    ]


def test_a_complete_folder_parses_into_a_challenge_and_a_question(tmp_path: Path) -> None:
    challenge, question, errors = parse_challenge(_copy(tmp_path), "content/challenges/two-sum-indices")
    assert errors == []
    assert challenge is not None
    assert question is not None
    assert question.kind == "challenge"
    assert challenge.hidden_tests
    assert challenge.visible_tests
    assert {w.verdict for w in challenge.wrong} == {"wrong_answer", "time_limit"}


def test_a_visible_test_that_does_not_exist_is_reported_with_its_line(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    md = folder / "challenge.md"
    md.write_text(md.read_text().replace("test_pair_far_apart]", "test_nope]"))
    _, _, errors = parse_challenge(folder, "c/two-sum-indices")
    line = next(n for n, raw in enumerate(md.read_text().splitlines(), 1) if raw.startswith("visible_tests:"))
    assert [(e.line, e.message) for e in errors] == [
        (line, "visible test 'test_nope' is not defined in tests.py")
    ]


def test_a_wrong_file_without_a_stated_verdict_is_an_error(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "wrong_extra.py").write_text("def two_sum(n, t):\n    return None\n")
    _, _, errors = parse_challenge(folder, "c/two-sum-indices")
    assert any("wrong_extra.py has no expected verdict" in e.message for e in errors)


def test_missing_sections_and_files_are_all_reported(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "starter.py").unlink()
    _, _, errors = parse_challenge(folder, "c/two-sum-indices")
    assert any("missing file starter.py" in e.message for e in errors)
    folder = _copy(tmp_path, "merge-intervals")
    md = folder / "challenge.md"
    md.write_text(md.read_text().replace("## Explanation", "## Explained"))
    _, _, errors = parse_challenge(folder, "c/merge-intervals")
    messages = [e.message for e in errors]
    assert any("unknown section '## Explained'" in m for m in messages)
    assert "missing section '## Explanation'" in messages


def _with_rubric(folder: Path, rubric_yaml: str, *, last: bool = True) -> None:
    md = folder / "challenge.md"
    text = md.read_text().split("\n## Rubric\n")[0].rstrip("\n")
    section = f"\n\n## Rubric\n```yaml\n{rubric_yaml}```\n"
    if last:
        md.write_text(text + section)
    else:
        head, _, tail = text.partition("\n## Key points\n")
        md.write_text(head + section + "\n## Key points\n" + tail + "\n")


def test_a_rubric_section_gives_the_challenge_question_its_feedback_data(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _, question, _ = parse_challenge(folder, "c/two-sum-indices")
    assert question is not None
    points = "".join(
        f"  - point: {n}\n    concepts:\n      - [dict, hash map]\n"
        for n in range(1, 1 + len(question.key_points))
    )
    misconception = (
        "misconceptions:\n  - claim: Sorting first keeps the original indices.\n    concepts:\n"
        "      - [sort, sorted]\n      - [keeps the indices, original indices]\n    contradicts: [1]\n"
        "    correction: Sorting moves the items; remember each value's index in a dict instead.\n"
    )
    _with_rubric(folder, "key_points:\n" + points + misconception)
    _, question, errors = parse_challenge(folder, "c/two-sum-indices")
    assert errors == []
    assert question is not None
    assert question.rubric is not None
    assert question.rubric.points[0] is not None
    assert question.rubric.points[0].concepts[0].alternatives == ("dict", "hash map")
    assert question.rubric.misconceptions[0].contradicts == (0,)


def test_a_rubric_that_is_not_last_or_names_a_missing_point_is_reported(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _with_rubric(folder, "key_points:\n  - point: 9\n    concepts:\n      - [dict]\n", last=False)
    _, _, errors = parse_challenge(folder, "c/two-sum-indices")
    messages = " ".join(e.message for e in errors)
    assert "'## Rubric' must be the last section of the file, after '## Key points'" in messages
    assert "9" in messages

"""Curators' probes (tests/rubric_probes/) keep the rubric data honest: wrong answers earn no tick, right ones do."""

from __future__ import annotations

from pathlib import Path

import pytest

from pyprep.practice.rubric_audit import main, probe_files, run_probes

# What the probes scored with the trees of the twenty-seventh landing (docs/practice.md). The rubric data was
# last widened in the twenty-fifth landing, when the trees of then ticked 64 wrong probes (45 of them wrong
# probes added then, most of them true statements about a neighbouring point) and earned 10,817 right ones.
# The twenty-seventh landing's trees learn from the seventeenth to twenty-seventh dev halves too, with wrong
# answers weighing 2.5 and the old set 3: 92 and 10,782, taken for their gain on the blind answers (on
# questions never trained on, a third fewer unearned ticks); any retraining moves these counts by tens (without
# the twenty-seventh dev half's questions the trees of then ticked 119). The twenty-eighth landing's distrusted
# release at 0.7 (the same trees) earns two more right probes: 92 and 10,784. The thirty-second landing's second
# stage (the answer's other points as evidence, from 30 words) earns 149 more: 92 and 10,933. Without its
# 30-word floor it ticked 159 wrong probes, most of them one sentence long. The thirty-third landing's lower
# distrusted (0.6) and contradicted (0.7) release thresholds earn two more: 92 and 10,935. Retrained with the
# twenty-eighth to thirty-first dev halves, or with half the features at each split, the trees ticked 103 and 104.
# The thirty-fifth landing's pair model, stacked with the trees where they choose between ✓ and missed, ticks
# fewer and earns more: 74 and 11,033.
# A change to the rubric data or the matcher that ticks more wrong probes or earns fewer right ones fails here;
# one that does better lowers or raises the bound with it.
WRONG_TICKED_AT_MOST = 74
RIGHT_EARNED_AT_LEAST = 11033


# A question of its own, so that the counting tests do not move with the bank's rubric data.
QUESTION = """---
slug: sample
title: What does __getattribute__ do?
level: mid
topics: [core]
---

## Summary
A sample.

## Answer
Some answer.

## Key points
- `__getattribute__` runs on every attribute access.
- Call `super().__getattribute__` inside it to avoid infinite recursion.

## Follow-ups
- Next?

## Rubric
```yaml
key_points:
  - point: 1
    concepts:
      - [__getattribute__]
      - [every attribute access, every access]
  - point: 2
    concepts:
      - super
      - [recursion, RecursionError]
```
"""
SAID = "`__getattribute__` runs on every attribute access."
NOTHING = "I have no idea, sorry."


def _content(tmp_path: Path) -> Path:
    root = tmp_path / "questions"
    root.mkdir()
    (root / "sample.md").write_text(QUESTION, encoding="utf-8")
    return root


def _probe_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "probe.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_wrong_probe_that_ticks_its_point_is_counted_and_listed(tmp_path: Path) -> None:
    path = _probe_file(
        tmp_path,
        f"""slug: sample
probes:
  - point: 1
    wrong: ["{SAID}", "{NOTHING}"]
    right: ["{NOTHING}", "{SAID}"]
""",
    )
    report = run_probes([path], _content(tmp_path))
    assert (report.files, report.wrong, report.right) == (1, 2, 2)
    assert (report.wrong_ticked, report.right_earned) == (1, 1)
    assert {(miss.wrong, miss.answer) for miss in report.misses} == {(True, SAID), (False, NOTHING)}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- just a list\n", "a mapping with `slug` and `probes`"),
        ("slug: no-such-question\nprobes: []\n", "no question with rubric data"),
        ("slug: sample\nprobes:\n  - point: 3\n    right: [x]\n", "has no key point 3"),
    ],
)
def test_a_probe_file_that_no_longer_fits_the_content_is_an_error(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        run_probes([_probe_file(tmp_path, text)], _content(tmp_path))


def test_the_command_prints_the_totals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _probe_file(
        tmp_path, "slug: balanced-brackets\nprobes:\n  - point: 2\n    wrong: []\n    right: []\n"
    )
    main(["--probes", str(path)])
    assert "1 probe files: wrong probes ticking their point 0/0; right probes earning their point 0/0" in (
        capsys.readouterr().out
    )


def test_the_bank_keeps_its_wrong_probes_unticked_and_its_right_probes_earned() -> None:
    paths = probe_files([])
    assert len(paths) > 300
    report = run_probes(paths)
    ticked = "\n".join(f"{m.slug} p{m.point}: {m.answer[:120]}" for m in report.misses if m.wrong)
    assert report.wrong_ticked <= WRONG_TICKED_AT_MOST, f"wrong probes now ticking their point:\n{ticked}"
    assert report.right_earned >= RIGHT_EARNED_AT_LEAST, (
        f"right probes earning their point: {report.right_earned}/{report.right}"
    )

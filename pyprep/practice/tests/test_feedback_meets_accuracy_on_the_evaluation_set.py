"""The matcher still agrees with the old hand-written judgments in tests/feedback_eval (a regression set)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from pyprep.practice import evaluate as evaluate_module
from pyprep.practice.evaluate import bank_rubrics, evaluate, load, main, second_labeller
from pyprep.practice.feedback import COVERED, MISSED, Feedback, PointResult


def test_the_evaluation_set_is_big_and_varied_enough() -> None:
    entries = load()
    judgments = sum(len(entry["key_points"]) * len(entry["answers"]) for entry in entries)
    kinds = {answer["kind"] for entry in entries for answer in entry["answers"]}
    assert len(entries) >= 30
    assert judgments >= 150
    assert {"good", "partial", "wrong", "empty"} <= kinds


def test_the_matcher_stays_at_its_measured_agreement_on_the_old_set() -> None:
    # Text only, so rubric data added to the bank later cannot move it: measured 0.971 accuracy, κ 0.923 when
    # this threshold was set (0.969, κ 0.918 after tuning on the second blind dev half; 0.963, κ 0.899 with
    # the learned step, trained mostly on points with rubric data; 0.965, κ 0.908 once it also learns from
    # every judgment without rubric data, this set's included); just under, so a regression fails.
    scores = evaluate(load(), use_rubrics=False)
    print(f"accuracy={scores.accuracy:.3f} kappa={scores.kappa:.3f} recall={scores.recall:.3f}")
    assert scores.accuracy >= 0.96
    assert scores.kappa >= 0.89


def test_the_banks_rubric_data_keeps_the_old_set_accurate() -> None:
    # With the bank's rubric data: 0.971 on this branch; 0.938 with the rubric1-3 branches' data as of writing
    # (their broader alternatives cost precision). Content, not the matcher, moves this one.
    scores = evaluate(load())
    assert scores.accuracy >= 0.92


def test_the_json_report_has_one_verdict_per_answer_and_kappa_per_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    judgments = [
        {
            "slug": "not-in-the-bank",
            "question": "Why compare with None using is?",
            "key_points": [
                "`is` compares identity; `==` compares values via `__eq__`.",
                "Use `x is None` (PEP 8).",
            ],
            "answers": [
                {
                    "kind": "good",
                    "text": "is compares object identity while == compares values via __eq__.",
                    "covers": [0],
                },
                {"kind": "idk", "text": "no idea", "covers": []},
            ],
        }
    ]
    path = tmp_path / "judgments.yaml"
    path.write_text(yaml.safe_dump(judgments), encoding="utf-8")
    main(["--judgments", str(path), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["verdicts"] == [[0], []]
    assert set(report["by_kind"]) == {"good", "idk"}
    assert {"accuracy", "precision", "recall", "kappa"} <= set(report)
    assert report["wrong_or_swapped"] == {
        "answers": 0,
        "credited": 0,
        "falsely_credited": 0,
        "labelled_with_a_point": 0,
    }


def test_a_wrong_answer_is_falsely_credited_only_by_a_tick_its_labels_do_not_give(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Writers label the point a swapped answer does state correctly: a tick there is earned.
    ticks = {"A": [0], "B": [1], "C": [], "D": [0]}

    def fake_match(*, answer: str, key_points: list[str], question: str, rubric: object) -> Feedback:
        points = tuple(
            PointResult(i, text, COVERED if i in ticks[answer] else MISSED, 0.0)
            for i, text in enumerate(key_points)
        )
        return Feedback(points=points, segments=())

    monkeypatch.setattr(evaluate_module, "match", fake_match)
    answers = [
        {"kind": "swapped", "text": "A", "covers": [0]},  # earned tick
        {"kind": "swapped", "text": "B", "covers": [0]},  # a tick on the wrong point
        {"kind": "wrong", "text": "C", "covers": []},  # nothing ticked
        {"kind": "paraphrase", "text": "D", "covers": [0]},  # not a wrong answer
    ]
    entry = {"slug": "not-in-the-bank", "question": "Q?", "key_points": ["one", "two"], "answers": answers}
    scores = evaluate([entry], use_rubrics=False)
    assert (scores.wrong_answers, scores.wrong_credited, scores.wrong_falsely_credited) == (3, 2, 1)
    assert scores.wrong_labelled == 2


def test_a_second_labellers_agreement_is_counted_per_judgment_and_kind() -> None:
    answers = [
        {"kind": "paraphrase", "text": "A", "covers": [0, 1]},
        {"kind": "terse", "text": "B", "covers": [0]},
    ]
    entry = {"slug": "q", "question": "Q?", "key_points": ["one", "two"], "answers": answers}
    second = [{"slug": "q", "labels": [{"id": 0, "covers": [0, 1]}, {"id": 1, "covers": [1]}]}]
    people, matcher, kinds = second_labeller([entry], second, ((0, 1), ()))
    assert (people.tp, people.fp, people.tn, people.fn) == (2, 1, 0, 1)  # B: they disagree on both points
    assert (kinds["paraphrase"].accuracy, kinds["terse"].accuracy) == (1.0, 0.0)
    assert (matcher.tp, matcher.fn) == (2, 1)  # the matcher against the second person's labels
    with pytest.raises(SystemExit, match="same order"):
        second_labeller([entry], [{"slug": "other", "labels": []}], ((), ()))


def test_a_coding_challenges_key_points_bring_their_rubric_data() -> None:
    # Challenge cards are practised too; the eighth blind set judges answers to their key points.
    rubrics = bank_rubrics()
    key_points, rubric = rubrics["lru-cache-bounded"]
    assert len(rubric.points) == len(key_points) >= 3

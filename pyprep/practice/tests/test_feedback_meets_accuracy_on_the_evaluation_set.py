"""The matcher agrees with at least 85% of the hand-written judgments in tests/feedback_eval."""

from __future__ import annotations

from pyprep.practice.evaluate import evaluate, load


def test_the_evaluation_set_is_big_and_varied_enough() -> None:
    entries = load()
    judgments = sum(len(entry["key_points"]) * len(entry["answers"]) for entry in entries)
    kinds = {answer["kind"] for entry in entries for answer in entry["answers"]}
    assert len(entries) >= 30
    assert judgments >= 150
    assert {"good", "partial", "wrong", "empty"} <= kinds


def test_the_matcher_is_at_least_85_percent_accurate() -> None:
    scores = evaluate(load())
    print(f"accuracy={scores.accuracy:.3f} precision={scores.precision:.3f} recall={scores.recall:.3f}")
    assert scores.accuracy >= 0.85

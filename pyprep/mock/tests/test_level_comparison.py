"""The report compares the result with what the level expects, says why in a sentence, and names topics to review."""

from __future__ import annotations

from pyprep.mock.expectations import ABOVE, BELOW, CLOSE, MEETS, compare_with_level, topics_to_review


def compare(covered: int, *, contradicted: int = 0, answered: int = 4, passed: bool | None = None) -> str:
    return compare_with_level(
        level="senior",
        level_label="Senior",
        key_points=20,
        covered=covered,
        contradicted=contradicted,
        answered=answered,
        asked=4,
        challenge_passed=passed,
    ).outcome


def test_coverage_above_meeting_close_and_below_the_level() -> None:
    # Senior expects 60%: 15 of 20 is 75% (above), 12 is 60% (meets), 10 is 50% (close), 6 is 30% (below).
    assert [compare(15), compare(12), compare(10), compare(6)] == [ABOVE, MEETS, CLOSE, BELOW]


def test_contradicted_points_take_back_half_a_point_each() -> None:
    assert compare(12, contradicted=2) == CLOSE  # (12 - 1) / 20 = 55%


def test_a_failed_challenge_moves_the_outcome_one_step_down_and_a_passed_one_does_not_lift_it() -> None:
    assert compare(12, passed=False) == CLOSE
    assert compare(12, passed=True) == MEETS


def test_the_reasoning_names_the_expectation_and_the_result() -> None:
    comparison = compare_with_level(
        level="senior", level_label="Senior", key_points=20, covered=9, contradicted=2, answered=4, asked=4
    )
    assert comparison.reasoning == (
        "A Senior interview expects about 60% of the key points; you covered 9 of 20 with 2 contradicted "
        "(each takes back half a point), 40% in all: below what the level expects."
    )


def test_nothing_answered_is_below_the_level_and_says_so() -> None:
    comparison = compare_with_level(
        level="junior", level_label="Junior", key_points=8, covered=0, contradicted=0, answered=0, asked=4
    )
    assert comparison.outcome == BELOW
    assert "answered none of the 4 concept questions" in comparison.reasoning


def test_topics_to_review_are_those_under_half_covered_weakest_first() -> None:
    topics = topics_to_review(
        [(["Functions"], 0.0), (["Functions", "Objects"], 0.5), (["Core"], 1.0), (["Objects"], 0.2)]
    )
    assert [(t.topic, t.percent, t.questions) for t in topics] == [("Functions", 25, 2), ("Objects", 35, 2)]

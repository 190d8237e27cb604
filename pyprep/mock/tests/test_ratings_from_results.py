"""Each mock question's result suggests a rating: skipped or mostly missed Again, partial Hard, most Good, all fast Easy."""

from __future__ import annotations

import pytest

from pyprep.mock.rating import AnswerResult, Suggestion, suggest_for_answer, suggest_for_challenge
from pyprep.practice.scheduling import Grade


def result(
    covered: int, *, points: int = 4, contradicted: int = 0, seconds: int = 200, **kw: bool
) -> AnswerResult:
    return AnswerResult(
        key_points=points,
        covered=covered,
        contradicted=contradicted,
        answered=kw.get("answered", True),
        skipped=kw.get("skipped", False),
        seconds=seconds,
        budget_seconds=300,
    )


def test_a_skipped_question_comes_back_again() -> None:
    assert suggest_for_answer(result(0, skipped=True)).grade == Grade.AGAIN


def test_an_empty_answer_comes_back_again() -> None:
    assert suggest_for_answer(result(0, answered=False)).grade == Grade.AGAIN


@pytest.mark.parametrize(
    ("covered", "contradicted", "seconds", "grade"),
    [
        (0, 0, 200, Grade.AGAIN),  # nothing covered
        (1, 0, 200, Grade.AGAIN),  # mostly missed
        (2, 0, 200, Grade.HARD),  # partial
        (2, 1, 200, Grade.AGAIN),  # partial and contradicted
        (3, 0, 200, Grade.GOOD),  # most covered
        (3, 1, 200, Grade.HARD),  # most covered, but a wrong claim
        (4, 0, 250, Grade.GOOD),  # all covered, not quickly
        (4, 0, 120, Grade.EASY),  # all covered, well within the time
    ],
)
def test_the_share_covered_and_the_time_decide_the_rating(
    covered: int, contradicted: int, seconds: int, grade: Grade
) -> None:
    suggestion = suggest_for_answer(result(covered, contradicted=contradicted, seconds=seconds))
    assert suggestion.grade == grade
    assert suggestion.reason


def test_a_question_without_key_points_is_rated_hard_with_a_reason() -> None:
    suggestion = suggest_for_answer(result(0, points=0))
    assert suggestion.grade == Grade.HARD
    assert "no key points" in suggestion.reason


@pytest.mark.parametrize(
    ("verdict", "all_tests", "seconds", "grade"),
    [
        ("", False, 0, Grade.AGAIN),
        ("wrong_answer", True, 100, Grade.AGAIN),
        ("accepted", False, 100, Grade.HARD),
        ("accepted", True, 500, Grade.GOOD),
        ("accepted", True, 100, Grade.EASY),
    ],
)
def test_a_challenge_is_rated_by_its_verdict(
    verdict: str, all_tests: bool, seconds: int, grade: Grade
) -> None:
    assert (
        suggest_for_challenge(verdict=verdict, all_tests=all_tests, seconds=seconds, budget_seconds=600).grade
        == grade
    )


def test_a_question_the_time_ran_out_before_says_so() -> None:
    suggestion = suggest_for_answer(
        AnswerResult(
            key_points=2, covered=0, contradicted=0, answered=False, skipped=True, seconds=0, budget_seconds=300,
            reached=False,
        )
    )  # fmt: skip
    assert suggestion == Suggestion(Grade.AGAIN, "Not reached before the end.")

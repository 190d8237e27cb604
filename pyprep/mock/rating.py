"""From a mock question's result to the spaced-repetition rating suggested for it. Pure.

The candidate can change every suggestion before the cards are made; the mapping only has to be a fair start:
a skipped or mostly missed question comes back tomorrow, a partial one soon, a full one later, and a full one
answered well within its time later still.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyprep.practice.scheduling import Grade

MOSTLY_MISSED = 1 / 3  # covering less than this share of the key points is "mostly missed"
MOSTLY_COVERED = 2 / 3  # ...this share or more is "most covered"
QUICK = 0.6  # all covered within this share of the item's time budget is "quickly"


@dataclass(frozen=True)
class Suggestion:
    grade: Grade
    reason: str


@dataclass(frozen=True)
class AnswerResult:
    """A concept question's outcome, as counts the matcher gave and the time it took."""

    key_points: int
    covered: int
    contradicted: int
    answered: bool  # something was typed and submitted (or was in the box when time ran out)
    skipped: bool
    seconds: int
    budget_seconds: int
    reached: bool = True  # False: the time ran out before the question was shown


def suggest_for_answer(result: AnswerResult) -> Suggestion:
    """Again for skipped, empty or mostly missed or contradicted; Hard for partial; Good for most; Easy for all, fast."""
    if not result.reached:
        return Suggestion(Grade.AGAIN, "Not reached before the end.")
    if result.skipped:
        return Suggestion(Grade.AGAIN, "Skipped.")
    if not result.answered:
        return Suggestion(Grade.AGAIN, "No answer was given.")
    if result.key_points == 0:
        return Suggestion(Grade.HARD, "This question lists no key points to check the answer against.")
    share = result.covered / result.key_points
    counts = f"{result.covered} of {result.key_points} key points covered"
    if result.contradicted and share < MOSTLY_COVERED:
        return Suggestion(Grade.AGAIN, f"{counts}, {result.contradicted} contradicted.")
    if share < MOSTLY_MISSED:
        return Suggestion(Grade.AGAIN, f"Mostly missed: {counts}.")
    if share < MOSTLY_COVERED or result.contradicted:
        extra = f", {result.contradicted} contradicted" if result.contradicted else ""
        return Suggestion(Grade.HARD, f"Partial: {counts}{extra}.")
    if result.covered == result.key_points and result.seconds <= QUICK * result.budget_seconds:
        return Suggestion(Grade.EASY, f"All {result.key_points} key points, well within the time.")
    return Suggestion(Grade.GOOD, f"{counts}.")


def suggest_for_challenge(*, verdict: str, all_tests: bool, seconds: int, budget_seconds: int) -> Suggestion:
    """Easy for accepted on every test quickly, Good for accepted, Hard for visible tests only, else Again."""
    if not verdict:
        return Suggestion(Grade.AGAIN, "No code was run for this challenge.")
    if verdict != "accepted":
        return Suggestion(Grade.AGAIN, f"The last run ended {verdict.replace('_', ' ')}.")
    if not all_tests:
        return Suggestion(Grade.HARD, "The visible tests pass; the hidden ones were not run.")
    if seconds <= QUICK * budget_seconds:
        return Suggestion(Grade.EASY, "Accepted on every test, well within the time.")
    return Suggestion(Grade.GOOD, "Accepted on every test.")

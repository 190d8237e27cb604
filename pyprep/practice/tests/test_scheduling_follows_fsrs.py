"""The scheduling module: ratings move due dates the way FSRS says, and nothing depends on chance."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pyprep.practice.scheduling import (
    Grade,
    Memory,
    humanize_interval,
    next_intervals,
    retrievability,
    review,
)

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def test_again_brings_a_card_back_sooner_than_easy() -> None:
    intervals = next_intervals(Memory(), now=NOW)
    assert intervals[Grade.AGAIN] < intervals[Grade.HARD] <= intervals[Grade.GOOD] < intervals[Grade.EASY]


def test_reviewing_twice_with_the_same_history_gives_the_same_schedule() -> None:
    assert review(Memory(), grade=Grade.GOOD, now=NOW) == review(Memory(), grade=Grade.GOOD, now=NOW)


def test_recall_falls_as_time_passes_after_a_review() -> None:
    memory = review(Memory(), grade=Grade.EASY, now=NOW)
    assert retrievability(Memory(), now=NOW) == 0.0
    assert retrievability(memory, now=NOW + timedelta(days=1)) > retrievability(
        memory, now=NOW + timedelta(days=60)
    )


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        review(Memory(), grade=Grade.GOOD, now=datetime(2025, 3, 1))  # noqa: DTZ001


def test_intervals_read_as_short_labels() -> None:
    assert humanize_interval(timedelta(minutes=10)) == "10 min"
    assert humanize_interval(timedelta(days=3)) == "3 d"

"""The mock's clock: questions per length, the deadline, time left and time spent, the countdown label."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pyprep.mock import timing

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("minutes", "with_challenge", "count"),
    [(20, False, 4), (30, False, 6), (45, False, 9), (20, True, 2), (30, True, 4), (45, True, 7)],
)
def test_a_length_holds_five_minutes_per_question_after_the_challenge(
    minutes: int, with_challenge: bool, count: int
) -> None:
    assert timing.question_count(minutes=minutes, with_challenge=with_challenge) == count


def test_even_a_very_short_mock_asks_one_question() -> None:
    assert timing.question_count(minutes=5, with_challenge=True) == 1


def test_the_deadline_is_the_length_after_the_start() -> None:
    assert timing.deadline_for(started_at=START, minutes=20) == START + timedelta(minutes=20)


def test_time_left_rounds_up_and_never_goes_negative() -> None:
    deadline = START + timedelta(minutes=20)
    assert timing.seconds_left(deadline=deadline, now=START) == 1200
    assert timing.seconds_left(deadline=deadline, now=deadline - timedelta(milliseconds=300)) == 1
    assert timing.seconds_left(deadline=deadline, now=deadline + timedelta(minutes=3)) == 0
    assert timing.is_over(deadline=deadline, now=deadline)
    assert not timing.is_over(deadline=deadline, now=deadline - timedelta(seconds=1))


def test_time_spent_stops_at_the_deadline() -> None:
    deadline = START + timedelta(minutes=20)
    shown = deadline - timedelta(seconds=90)
    assert (
        timing.seconds_spent(shown_at=shown, answered_at=shown + timedelta(seconds=30), deadline=deadline)
        == 30
    )
    assert (
        timing.seconds_spent(shown_at=shown, answered_at=deadline + timedelta(hours=1), deadline=deadline)
        == 90
    )
    assert timing.seconds_spent(shown_at=None, answered_at=deadline, deadline=deadline) == 0


def test_the_countdown_label_reads_like_a_clock() -> None:
    assert timing.clock(1200) == "20:00"
    assert timing.clock(65) == "1:05"
    assert timing.clock(0) == "0:00"
    assert timing.clock(3723) == "1:02:03"

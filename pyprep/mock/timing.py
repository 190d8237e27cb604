"""Timer arithmetic for a mock interview: how many questions a length holds, the deadline, time left. Pure."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

LENGTHS: tuple[int, ...] = (20, 30, 45)  # minutes a candidate may choose
MINUTES_PER_QUESTION = 5  # about what an interviewer gives one concept question, follow-ups included
CHALLENGE_MINUTES = 10  # the live-coding item takes the time of two concept questions


def question_count(*, minutes: int, with_challenge: bool) -> int:
    """Concept questions that fit the length: five minutes each, after the challenge's ten (at least one)."""
    left = minutes - (CHALLENGE_MINUTES if with_challenge else 0)
    return max(1, left // MINUTES_PER_QUESTION)


def deadline_for(*, started_at: datetime, minutes: int) -> datetime:
    """When a mock that started at started_at ends: the server's deadline is the only clock that counts."""
    return started_at + timedelta(minutes=minutes)


def seconds_left(*, deadline: datetime, now: datetime) -> int:
    """Whole seconds until the deadline (rounded up, so 0 means the time is over); never negative."""
    return max(0, math.ceil((deadline - now).total_seconds()))


def is_over(*, deadline: datetime, now: datetime) -> bool:
    return now >= deadline


def seconds_spent(*, shown_at: datetime | None, answered_at: datetime, deadline: datetime) -> int:
    """Time a question was on screen: from when it was shown until it was answered, never past the deadline."""
    if shown_at is None:
        return 0
    end = min(answered_at, deadline)
    return max(0, round((end - shown_at).total_seconds()))


def budget_seconds(*, is_challenge: bool) -> int:
    """The time one item is meant to take; answering well within it is what "quickly" means in a rating."""
    return (CHALLENGE_MINUTES if is_challenge else MINUTES_PER_QUESTION) * 60


def clock(seconds: int) -> str:
    """A countdown label: '19:05', or '1:02:03' past an hour."""
    seconds = max(0, seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"

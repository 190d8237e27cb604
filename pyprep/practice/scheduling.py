"""Spaced-repetition maths: a thin, pure wrapper over the FSRS scheduler (no ORM, no Django)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import Any

from fsrs import Card, Rating, Scheduler, State


class Grade(IntEnum):
    """The four self-ratings, numbered like FSRS and like the keyboard shortcuts 1–4."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


class Phase(IntEnum):
    """Where a card is in its life; the values are FSRS's State values, stored as they are."""

    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True)
class Memory:
    """Everything FSRS needs to know about one card, as plain values a model row can store."""

    phase: Phase = Phase.LEARNING
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None

    @property
    def is_new(self) -> bool:
        return self.last_review is None


# Fuzzing is off so that the same history always gives the same schedule (tests, exports, reviews by
# support); with a few hundred cards per person the clumping fuzz prevents is not a problem.
_SCHEDULER = Scheduler(desired_retention=0.9, enable_fuzzing=False)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("Scheduling needs timezone-aware datetimes.")
    return moment.astimezone(UTC)


def _to_card(memory: Memory, *, now: datetime) -> Card:
    # card_id is irrelevant to the maths; passing one avoids fsrs sleeping a millisecond to make it unique.
    return Card(
        card_id=1,
        state=State(int(memory.phase)),
        step=memory.step,
        stability=memory.stability,
        difficulty=memory.difficulty,
        due=_utc(memory.due) if memory.due else _utc(now),
        last_review=_utc(memory.last_review) if memory.last_review else None,
    )


def _from_card(card: Card) -> Memory:
    return Memory(
        phase=Phase(int(card.state)),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )


def review(memory: Memory, *, grade: Grade, now: datetime) -> Memory:
    """The card's memory after the candidate rates it at `now`."""
    card, _log = _SCHEDULER.review_card(
        _to_card(memory, now=now), Rating(int(grade)), review_datetime=_utc(now)
    )
    return _from_card(card)


def next_intervals(memory: Memory, *, now: datetime) -> dict[Grade, timedelta]:
    """How long until the card comes back for each possible rating; shown on the rating buttons."""
    return {grade: (review(memory, grade=grade, now=now).due or now) - _utc(now) for grade in Grade}


def retrievability(memory: Memory, *, now: datetime) -> float:
    """Predicted probability (0–1) of recalling the card at `now`; 0 for a card never reviewed."""
    if memory.is_new:
        return 0.0
    return float(_SCHEDULER.get_card_retrievability(_to_card(memory, now=now), current_datetime=_utc(now)))


def replay(grades: list[tuple[Grade, datetime]]) -> Memory:
    """The memory a card would have after these ratings, oldest first; used when merging two histories."""
    memory = Memory()
    for grade, moment in sorted(grades, key=lambda pair: pair[1]):
        memory = review(replace(memory, due=memory.due or moment), grade=grade, now=moment)
    return memory


def humanize_interval(delta: timedelta) -> str:
    """A short label for an interval: '<1 min', '10 min', '5 h', '3 d', '4 mo'."""
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 60:
        return "<1 min"
    if seconds < 3600:
        return f"{round(seconds / 60)} min"
    if seconds < 86400:
        return f"{round(seconds / 3600)} h"
    days = round(seconds / 86400)
    if days < 60:
        return f"{days} d"
    if days < 730:
        return f"{round(days / 30)} mo"
    return f"{round(days / 365)} y"


def memory_to_dict(memory: Memory) -> dict[str, Any]:
    """A card's memory as JSON-ready values (kept on a review so the rating can be undone)."""
    return {
        "phase": int(memory.phase),
        "step": memory.step,
        "stability": memory.stability,
        "difficulty": memory.difficulty,
        "due": memory.due.isoformat() if memory.due else None,
        "last_review": memory.last_review.isoformat() if memory.last_review else None,
    }


def memory_from_dict(data: dict[str, Any]) -> Memory:
    """The memory memory_to_dict stored, exactly."""
    return Memory(
        phase=Phase(int(data["phase"])),
        step=data.get("step"),
        stability=data.get("stability"),
        difficulty=data.get("difficulty"),
        due=datetime.fromisoformat(data["due"]) if data.get("due") else None,
        last_review=datetime.fromisoformat(data["last_review"]) if data.get("last_review") else None,
    )

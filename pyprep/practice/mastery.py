"""Progress arithmetic: mean recall per topic or level, the practice streak, per-day counts, weak topics. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

WEAK_RECALL = 0.8  # below this mean recall a week from now, a topic counts as weak


@dataclass(frozen=True)
class Mastery:
    key: str
    label: str
    total: int
    seen: int
    recall: float  # mean retrievability over the cards seen, 0–1
    recall_in_a_week: float = (
        0.0  # the same a week from now: low for cards just failed, whose recall now is high
    )

    @property
    def percent(self) -> int:
        return round(100 * self.recall)

    @property
    def week_percent(self) -> int:
        return round(100 * self.recall_in_a_week)


def mastery_of(*, key: str, label: str, total: int, recalls: Sequence[tuple[float, float]]) -> Mastery:
    """Mean recall now and a week from now over the (now, in a week) pairs of the cards seen."""
    if not recalls:
        return Mastery(key, label, total, 0, 0.0, 0.0)
    now_mean = sum(now for now, _ in recalls) / len(recalls)
    week_mean = sum(week for _, week in recalls) / len(recalls)
    return Mastery(key, label, total, len(recalls), now_mean, week_mean)


def streak(*, review_days: set[date], today: date) -> int:
    """Consecutive days with a review, ending today or, if nothing yet today, yesterday."""
    # A streak survives until the end of today: not having practised yet today does not break it.
    cursor = today if today in review_days else today - timedelta(days=1)
    days = 0
    while cursor in review_days:
        days += 1
        cursor -= timedelta(days=1)
    return days


def per_day(*, first_day: date, days: int, counts: Mapping[date, int]) -> list[tuple[date, int]]:
    """One (day, count) pair for each of `days` days from first_day, zero where nothing happened."""
    return [
        (first_day + timedelta(days=i), counts.get(first_day + timedelta(days=i), 0)) for i in range(days)
    ]


def due_per_day(
    *, dues: Iterable[datetime], days: Sequence[tuple[date, datetime, datetime]]
) -> list[tuple[date, int]]:
    """Cards falling due on each day (start, end); the first day also counts every overdue card."""
    dues = list(dues)
    return [
        (day, sum(1 for due in dues if (due < end if index == 0 else start <= due < end)))
        for index, (day, start, end) in enumerate(days)
    ]


def weakest(topics: Iterable[Mastery], *, limit: int = 3) -> list[Mastery]:
    """The topics seen whose recall a week from now is below WEAK_RECALL, weakest first."""
    # A topic recalled this well is not "weak" even if it is the lowest one has.
    return sorted(
        (m for m in topics if m.seen and m.recall_in_a_week < WEAK_RECALL),
        key=lambda m: (m.recall_in_a_week, -m.seen),
    )[:limit]

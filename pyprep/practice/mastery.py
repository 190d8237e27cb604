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
    lapses: int = 0  # cards seen whose last rating was Again

    @property
    def is_weak(self) -> bool:
        """The one test the page applies everywhere: recall a week from now below WEAK_RECALL, or a lapse."""
        return bool(self.seen) and (self.recall_in_a_week < WEAK_RECALL or self.lapses > 0)

    @property
    def percent(self) -> int:
        return round(100 * self.recall)

    @property
    def week_percent(self) -> int:
        return round(100 * self.recall_in_a_week)


def mastery_of(
    *, key: str, label: str, total: int, recalls: Sequence[tuple[float, float]], lapses: int = 0
) -> Mastery:
    """Mean recall now and a week from now over the (now, in a week) pairs of the cards seen."""
    if not recalls:
        return Mastery(key, label, total, 0, 0.0, 0.0)
    now_mean = sum(now for now, _ in recalls) / len(recalls)
    week_mean = sum(week for _, week in recalls) / len(recalls)
    return Mastery(key, label, total, len(recalls), now_mean, week_mean, lapses)


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
    """The weak topics (Mastery.is_weak), weakest first: the same test the table marks "weak" with."""
    # A topic recalled this well and never lapsed is not "weak" even if it is the lowest one has.
    return sorted((m for m in topics if m.is_weak), key=lambda m: (m.recall_in_a_week, -m.lapses, -m.seen))[
        :limit
    ]


HEAT_STEPS = (0, 1, 3, 6, 10)  # reviews a day at which a heat-map cell turns one shade darker


@dataclass(frozen=True)
class HeatCell:
    day: date
    count: int

    @property
    def level(self) -> int:
        """0 (no review) to 4 (ten or more), the cell's shade."""
        return sum(1 for step in HEAT_STEPS[1:] if self.count >= step)


def heat_weeks(*, today: date, counts: Mapping[date, int], weeks: int = 26) -> list[list[HeatCell | None]]:
    """Columns of Monday-to-Sunday cells for the last `weeks` weeks up to today; days after today are None."""
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    columns: list[list[HeatCell | None]] = []
    for week in range(weeks):
        column: list[HeatCell | None] = []
        for weekday in range(7):
            day = first_monday + timedelta(weeks=week, days=weekday)
            column.append(HeatCell(day, counts.get(day, 0)) if day <= today else None)
        columns.append(column)
    return columns


def heat_first_day(*, today: date, weeks: int = 26) -> date:
    """The Monday the heat map starts on."""
    return today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)

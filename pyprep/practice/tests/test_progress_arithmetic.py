"""The progress page's arithmetic, without a database: streaks, per-day counts, mean recall, weak topics."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from pyprep.practice.mastery import Mastery, due_per_day, mastery_of, per_day, streak, weakest

TODAY = date(2026, 3, 10)


def test_a_streak_counts_back_from_today_or_from_yesterday_if_nothing_yet_today() -> None:
    days = {TODAY - timedelta(days=n) for n in (1, 2, 3, 5)}
    assert streak(review_days=days, today=TODAY) == 3
    assert streak(review_days=days | {TODAY}, today=TODAY) == 4
    assert streak(review_days={TODAY - timedelta(days=2)}, today=TODAY) == 0


def test_days_without_reviews_count_zero() -> None:
    counts = {TODAY: 4}
    assert per_day(first_day=TODAY - timedelta(days=2), days=3, counts=counts) == [
        (TODAY - timedelta(days=2), 0),
        (TODAY - timedelta(days=1), 0),
        (TODAY, 4),
    ]


def test_overdue_cards_count_as_due_today() -> None:
    start = datetime(2026, 3, 10, tzinfo=UTC)
    days = [
        (TODAY + timedelta(days=i), start + timedelta(days=i), start + timedelta(days=i + 1))
        for i in range(2)
    ]
    dues = [start - timedelta(days=3), start + timedelta(hours=5), start + timedelta(days=1, hours=1)]
    assert due_per_day(dues=dues, days=days) == [(TODAY, 2), (TODAY + timedelta(days=1), 1)]


def test_mastery_is_the_mean_recall_of_the_cards_seen() -> None:
    topic = mastery_of(key="async", label="Async", total=5, recalls=[(1.0, 0.5), (0.5, 0.3)])
    assert (topic.seen, topic.percent, topic.week_percent) == (2, 75, 40)
    assert mastery_of(key="x", label="X", total=3, recalls=[]).seen == 0


def test_only_topics_forgotten_within_a_week_are_weak_weakest_first() -> None:
    strong = Mastery("a", "A", 3, 3, 0.99, 0.95)
    weak = Mastery("b", "B", 3, 2, 0.9, 0.5)
    weaker = Mastery("c", "C", 3, 1, 0.9, 0.2)
    unseen = Mastery("d", "D", 3, 0, 0.0, 0.0)
    assert weakest([strong, weak, weaker, unseen]) == [weaker, weak]

"""Reads over mock interviews: the question to show now, the report, the history with its trend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone

from pyprep.bank.levels import LEVELS, Kind
from pyprep.bank.models import Question
from pyprep.challenges.models import Challenge, Submission
from pyprep.mock import expectations, timing
from pyprep.mock.expectations import Comparison, TopicReview
from pyprep.mock.models import MockInterview, MockItem
from pyprep.practice import charts
from pyprep.practice import selectors as practice_selectors
from pyprep.practice.feedback import CONTRADICTED, Feedback
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade

WEAK_TOPIC_WEIGHT = 2.0  # a weak topic gets about twice the questions of the others


def mock_owned(*, owner: Owner, pk: int) -> MockInterview | None:
    """One of the owner's mocks; another person's looks like a missing one."""
    return MockInterview.objects.owned_by(owner).filter(pk=pk).first() if owner.exists else None


def mock_latest_running(*, owner: Owner) -> MockInterview | None:
    return MockInterview.objects.owned_by(owner).running().first() if owner.exists else None


def weak_topic_weights(*, owner: Owner, now: datetime | None = None) -> dict[str, float]:
    """Topic slug → draw weight: the owner's weak topics (from their practice history) count double."""
    if not owner.exists:
        return {}
    report = practice_selectors.progress(owner=owner, now=now)
    return {mastery.key: WEAK_TOPIC_WEIGHT for mastery in report.weakest}


def level_question_counts() -> dict[str, tuple[int, int]]:
    """Published concept questions and code challenges per level, for the start page."""
    rows = (
        Question.objects.published()
        .values("level")
        .annotate(
            concepts=Count("pk", filter=Q(kind=Kind.CONCEPT)),
            challenges=Count("pk", filter=Q(kind=Kind.CHALLENGE, challenge__isnull=False)),
        )
    )
    counts = {row["level"]: (row["concepts"], row["challenges"]) for row in rows}
    return {level.value: counts.get(level.value, (0, 0)) for level in LEVELS}


def challenge_submission(
    *, question_id: int, user_id: int | None, run_ids: Sequence[int], since: datetime
) -> Submission | None:
    """The latest graded submission to this challenge since the mock started: the account's, or this browser's runs."""
    submissions = Submission.objects.filter(
        challenge__question_id=question_id, created_at__gte=since, state=Submission.State.DONE
    )
    if user_id is not None:
        submissions = submissions.filter(user_id=user_id)
    else:
        submissions = submissions.filter(pk__in=list(run_ids), user__isnull=True)
    return submissions.order_by("-created_at", "-id").first()


@dataclass(frozen=True)
class MockView:
    mock: MockInterview
    item: MockItem
    number: int  # 1-based position of the current question
    total: int
    seconds_left: int
    challenge: Challenge | None

    @property
    def clock(self) -> str:
        return timing.clock(self.seconds_left)


def mock_current(*, mock: MockInterview, now: datetime | None = None) -> MockView | None:
    """The open question of a running mock and the time left; None once every question is closed."""
    now = now or timezone.now()
    items = list(mock.items.order_by("position").values_list("pk", "answered_at"))
    current_pk = next((pk for pk, answered_at in items if answered_at is None), None)
    if current_pk is None or not mock.is_running:
        return None
    item = MockItem.objects.select_related("question").prefetch_related("question__topics").get(pk=current_pk)
    challenge = (
        Challenge.objects.filter(question_id=item.question_id).first() if item.question.is_challenge else None
    )
    return MockView(
        mock=mock,
        item=item,
        number=[pk for pk, _ in items].index(current_pk) + 1,
        total=len(items),
        seconds_left=timing.seconds_left(deadline=mock.deadline, now=now),
        challenge=challenge,
    )


@dataclass(frozen=True)
class ReportRow:
    item: MockItem
    question: Question
    feedback: Feedback | None  # concept questions
    challenge: dict[str, object] | None  # the challenge's verdict, as stored
    covered: int
    missed: int
    contradicted: int
    key_points: int
    time_used: str
    suggested: Grade | None
    chosen: Grade | None

    @property
    def share(self) -> float:
        return self.covered / self.key_points if self.key_points else 0.0

    @property
    def corrections(self) -> list[tuple[str, str]]:
        """(key point, correction) for each contradicted point."""
        if self.feedback is None:
            return []
        return [(p.text, p.correction) for p in self.feedback.points if p.status == CONTRADICTED]


@dataclass(frozen=True)
class MockReport:
    mock: MockInterview
    rows: list[ReportRow]
    covered: int
    key_points: int
    contradicted: int
    answered: int
    comparison: Comparison
    topics: list[TopicReview]
    grades: list[Grade]

    @property
    def coverage_percent(self) -> int | None:
        return round(100 * self.covered / self.key_points) if self.key_points else None

    @property
    def confirmed(self) -> bool:
        return self.mock.state == MockInterview.State.CONFIRMED


def _row(item: MockItem) -> ReportRow:
    question = item.question
    feedback = None if question.is_challenge else Feedback.from_dict(item.result or {})
    points = feedback.points if feedback else ()
    return ReportRow(
        item=item,
        question=question,
        feedback=feedback,
        challenge=dict(item.result) if question.is_challenge else None,
        covered=sum(1 for p in points if p.covered),
        missed=sum(1 for p in points if p.status not in ("covered", CONTRADICTED)),
        contradicted=sum(1 for p in points if p.status == CONTRADICTED),
        key_points=len(points),
        time_used=timing.clock(item.seconds_spent),
        suggested=Grade(item.suggested_grade) if item.suggested_grade else None,
        chosen=Grade(item.grade) if item.grade else None,
    )


def mock_report(*, mock: MockInterview) -> MockReport:
    """Per question the matcher's verdict, corrections, time and rating; topics to review; the level comparison."""
    items = list(
        mock.items.select_related("question", "review")
        .prefetch_related("question__topics")
        .order_by("position")
    )
    rows = [_row(item) for item in items]
    concept = [row for row in rows if row.feedback is not None]
    answered = sum(1 for row in concept if not row.item.skipped and row.item.answer.strip())
    challenge_rows = [row for row in rows if row.challenge is not None]
    challenge_passed = (
        bool(challenge_rows[0].challenge and challenge_rows[0].challenge.get("verdict") == "accepted")
        if challenge_rows
        else None
    )
    covered = sum(row.covered for row in concept)
    key_points = sum(row.key_points for row in concept)
    contradicted = sum(row.contradicted for row in concept)
    comparison = expectations.compare_with_level(
        level=mock.level,
        level_label=mock.level_label,
        key_points=key_points,
        covered=covered,
        contradicted=contradicted,
        answered=answered,
        asked=len(concept),
        challenge_passed=challenge_passed,
    )
    topics = expectations.topics_to_review(
        [
            (
                [topic.name for topic in row.question.topics.all()],
                row.share if row.feedback is not None else (1.0 if challenge_passed else 0.0),
            )
            for row in rows
        ]
    )
    return MockReport(
        mock=mock,
        rows=rows,
        covered=covered,
        key_points=key_points,
        contradicted=contradicted,
        answered=answered,
        comparison=comparison,
        topics=topics,
        grades=list(Grade),
    )


@dataclass(frozen=True)
class History:
    mocks: list[MockInterview]
    chart: charts.BarChart | None


def mock_history(*, owner: Owner, limit: int = 50) -> History:
    """The owner's mocks, newest first, and a chart of the finished ones' scores, oldest first."""
    if not owner.exists:
        return History([], None)
    mocks = list(MockInterview.objects.owned_by(owner).order_by("-started_at", "-id")[:limit])
    scored = [mock for mock in reversed(mocks) if mock.score is not None]
    chart = (
        charts.bar_chart(
            [(timezone.localtime(m.started_at).strftime("%d %b"), m.score_percent or 0) for m in scored],
            label_every=max(1, len(scored) // 8),
        )
        if scored
        else None
    )
    return History(mocks, chart)

"""Mock interview workflows: start (draw the questions), autosave, answer or skip, finish, confirm the ratings."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from datetime import datetime

from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.utils import timezone

from pyprep.bank import selectors as bank_selectors
from pyprep.bank.filters import QuestionFilter
from pyprep.bank.levels import Kind
from pyprep.bank.models import Question
from pyprep.challenges.models import Challenge, Submission
from pyprep.mock import rating, selectors, timing
from pyprep.mock.choices import MockRequest, levels_label, widened
from pyprep.mock.models import MockInterview, MockItem
from pyprep.practice import feedback
from pyprep.practice import services as practice_services
from pyprep.practice.conf import MAX_TEXT_CHARS
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade

ANONYMOUS_MOCKS_KEY = "mock_anonymous"  # session key: mocks this browser started before logging in


class TooFewQuestions(Exception):  # noqa: N818 - reads as the situation it reports
    """The level has fewer questions than the length needs; the message says so and what would help."""

    def __init__(self, message: str, *, can_widen: bool) -> None:
        super().__init__(message)
        self.can_widen = can_widen


def _challenge_drawn(*, levels: tuple[str, ...], seed: int, weights: Mapping[str, float]) -> Question | None:
    with_challenge = set(
        Challenge.objects.filter(question__level__in=levels).values_list("question_id", flat=True)
    )
    if not with_challenge:
        return None
    drawn = bank_selectors.questions_drawn(
        qfilter=QuestionFilter(levels=levels, kind=Kind.CHALLENGE),
        count=1,
        seed=seed,
        topic_weights=weights,
        exclude_ids=set(
            Question.objects.challenges()
            .filter(level__in=levels)
            .exclude(pk__in=with_challenge)
            .values_list("pk", flat=True)
        ),
    )
    return drawn[0] if drawn else None


@transaction.atomic
def mock_start(
    *, owner: Owner, request: MockRequest, seed: int | None = None, now: datetime | None = None
) -> MockInterview:
    """Draw the mock's questions (topic-balanced, weak topics weighted up) and start its clock; raises TooFewQuestions."""
    now = now or timezone.now()
    seed = secrets.randbelow(2**31) if seed is None else seed
    levels = request.levels
    can_widen = not request.widen and widened(request.level) != (request.level,)
    count = timing.question_count(minutes=request.minutes, with_challenge=request.with_challenge)
    weights = selectors.weak_topic_weights(owner=owner, now=now)
    questions = bank_selectors.questions_drawn(
        qfilter=QuestionFilter(levels=levels, kind=Kind.CONCEPT),
        count=count,
        seed=seed,
        topic_weights=weights,
    )
    if len(questions) < count:
        found = f"only {len(questions)}" if questions else "none"
        raise TooFewQuestions(
            f"A {request.minutes}-minute mock needs {count} distinct concept questions at "
            f"{levels_label(levels)} level; the bank has {found}.",
            can_widen=can_widen,
        )
    if request.with_challenge:
        challenge = _challenge_drawn(levels=levels, seed=seed, weights=weights)
        if challenge is None:
            raise TooFewQuestions(
                f"The bank has no code challenge at {levels_label(levels)} level. "
                "Start without the challenge, or widen to the neighbouring levels.",
                can_widen=can_widen,
            )
        questions.append(challenge)
    mock = MockInterview.objects.create(
        **owner.fields(),
        level=request.level,
        widened=request.widen,
        minutes=request.minutes,
        with_challenge=request.with_challenge,
        seed=seed,
        started_at=now,
        deadline=timing.deadline_for(started_at=now, minutes=request.minutes),
    )
    MockItem.objects.bulk_create(
        MockItem(
            mock=mock,
            position=position,
            question=question,
            reached=position == 0,
            shown_at=now if position == 0 else None,
        )
        for position, question in enumerate(questions)
    )
    return mock


def _judge_answer(item: MockItem) -> None:
    """The matcher's verdict on the answer and the rating it suggests (an empty or skipped one misses every point)."""
    question = item.question
    answer = "" if item.skipped else item.answer
    verdict = feedback.match(
        answer=answer,
        key_points=[point.text for point in question.key_points.all()],
        question=question.title,
        rubric=question.feedback_rubric(),
    )
    item.result = verdict.to_dict()
    suggestion = rating.suggest_for_answer(
        rating.AnswerResult(
            key_points=len(verdict.points),
            covered=verdict.covered_count,
            contradicted=sum(1 for p in verdict.points if p.status == feedback.CONTRADICTED),
            answered=bool(answer.strip()),
            skipped=item.skipped,
            seconds=item.seconds_spent,
            budget_seconds=timing.budget_seconds(is_challenge=False),
            reached=item.reached,
        )
    )
    item.suggested_grade = item.grade = int(suggestion.grade)
    item.suggestion_reason = suggestion.reason[:200]


def _judge_challenge(item: MockItem, *, mock: MockInterview, run_ids: Sequence[int]) -> None:
    """The latest graded run or submission of the challenge since the mock started, and the rating it suggests."""
    submission = selectors.challenge_submission(
        question_id=item.question_id, user_id=mock.user_id, run_ids=run_ids, since=mock.started_at
    )
    verdict = submission.verdict if submission else ""
    all_tests = bool(submission and submission.kind == Submission.Kind.SUBMIT)
    item.result = {
        "verdict": verdict,
        "summary": submission.summary if submission else "",
        "all_tests": all_tests,
        "submission": submission.pk if submission else None,
    }
    suggestion = rating.suggest_for_challenge(
        verdict=verdict,
        all_tests=all_tests,
        seconds=item.seconds_spent,
        budget_seconds=timing.budget_seconds(is_challenge=True),
    )
    item.suggested_grade = item.grade = int(suggestion.grade)
    item.suggestion_reason = suggestion.reason[:200]


def _close(
    item: MockItem,
    *,
    mock: MockInterview,
    now: datetime,
    answer: str | None,
    skip: bool,
    run_ids: Sequence[int],
) -> None:
    if answer is not None:
        item.answer = answer[:MAX_TEXT_CHARS]
    item.skipped = skip or not item.reached
    item.answered_at = now
    item.seconds_spent = timing.seconds_spent(shown_at=item.shown_at, answered_at=now, deadline=mock.deadline)
    if item.question.is_challenge:
        _judge_challenge(item, mock=mock, run_ids=run_ids)
    else:
        _judge_answer(item)
    item.save()


def _locked(mock: MockInterview) -> MockInterview:
    return MockInterview.objects.select_for_update().get(pk=mock.pk)


def _open_items(mock: MockInterview) -> list[MockItem]:
    return list(
        mock.items.filter(answered_at__isnull=True)
        .select_related("question")
        .prefetch_related("question__key_points", "question__misconceptions")
        .order_by("position")
    )


@transaction.atomic
def mock_finish(
    *,
    mock: MockInterview,
    ending: MockInterview.Ending,
    now: datetime | None = None,
    run_ids: Sequence[int] = (),
) -> MockInterview:
    """End the mock: the open question keeps what was typed, the rest count as skipped; then score it."""
    now = now or timezone.now()
    mock = _locked(mock)
    if not mock.is_running:
        return mock
    for item in _open_items(mock):
        _close(item, mock=mock, now=now, answer=None, skip=False, run_ids=run_ids)
    points = covered = 0
    for result in mock.items.filter(question__kind=Kind.CONCEPT).values_list("result", flat=True):
        verdict = feedback.Feedback.from_dict(result or {})
        points += len(verdict.points)
        covered += verdict.covered_count
    mock.state = MockInterview.State.FINISHED
    mock.ending = ending
    mock.finished_at = min(now, mock.deadline)
    mock.score = covered / points if points else 0.0
    mock.save(update_fields=["state", "ending", "finished_at", "score"])
    return mock


def mock_time_check(*, mock: MockInterview, now: datetime | None = None, run_ids: Sequence[int] = ()) -> bool:
    """Finish a running mock whose time is up (every request asks); returns whether it is still running."""
    now = now or timezone.now()
    if mock.is_running and timing.is_over(deadline=mock.deadline, now=now):
        mock_finish(mock=mock, ending=MockInterview.Ending.TIME_UP, now=now, run_ids=run_ids)
        mock.refresh_from_db()
    return mock.is_running


def mock_item_autosave(
    *, mock: MockInterview, item: MockItem, answer: str, now: datetime | None = None
) -> bool:
    """Keep the text typed so far on the open question; returns whether the mock is still running.

    Past the deadline the text is still kept, as the answer the mock ends with.
    """
    now = now or timezone.now()
    if mock.is_running and item.is_open:
        MockItem.objects.filter(pk=item.pk, answered_at__isnull=True).update(answer=answer[:MAX_TEXT_CHARS])
    return mock_time_check(mock=mock, now=now)


@transaction.atomic
def mock_item_answer(
    *,
    mock: MockInterview,
    item: MockItem,
    answer: str,
    skip: bool = False,
    now: datetime | None = None,
    run_ids: Sequence[int] = (),
) -> MockInterview:
    """Answer or skip the open question and show the next; the last one, or a late answer, ends the mock.

    A double submit (two tabs, a reload after POST) finds the question already closed and changes nothing.
    """
    now = now or timezone.now()
    mock = _locked(mock)
    if not mock.is_running:
        return mock
    item = MockItem.objects.select_related("question").get(pk=item.pk)
    late = timing.is_over(deadline=mock.deadline, now=now)
    if item.is_open:
        # Past the deadline the typed text still counts: the page submits what it has when the clock hits zero.
        _close(item, mock=mock, now=now, answer=answer, skip=skip and not late, run_ids=run_ids)
    if late:
        return mock_finish(mock=mock, ending=MockInterview.Ending.TIME_UP, now=now, run_ids=run_ids)
    following = mock.items.filter(answered_at__isnull=True).order_by("position").first()
    if following is None:
        return mock_finish(mock=mock, ending=MockInterview.Ending.COMPLETED, now=now, run_ids=run_ids)
    if not following.reached:
        following.reached = True
        following.shown_at = now
        following.save(update_fields=["reached", "shown_at"])
    return mock


@transaction.atomic
def mock_confirm(*, mock: MockInterview, grades: Mapping[int, Grade], now: datetime | None = None) -> int:
    """Put every question of a finished mock into spaced repetition with its (possibly changed) rating, once.

    grades maps item ids to the chosen rating; an item not named keeps its suggestion. Returns the reviews made
    (0 when the mock was already confirmed: confirming twice schedules nothing twice).
    """
    now = now or timezone.now()
    mock = _locked(mock)
    if mock.state != MockInterview.State.FINISHED:
        return 0
    owner = Owner(user_id=mock.user_id, session_key=mock.session_key)
    made = 0
    for item in mock.items.select_related("question").filter(review__isnull=True).order_by("position"):
        grade = grades.get(item.pk) or Grade(item.grade or item.suggested_grade or Grade.AGAIN)
        verdict = feedback.Feedback.from_dict(item.result or {}) if not item.question.is_challenge else None
        item.grade = int(grade)
        item.review = practice_services.card_rate(
            owner=owner,
            question=item.question,
            grade=grade,
            now=now,
            answer=item.answer,
            covered=verdict.covered_count if verdict else 0,
            key_point_count=len(verdict.points) if verdict else 0,
        )
        item.save(update_fields=["grade", "review"])
        made += 1
    mock.state = MockInterview.State.CONFIRMED
    mock.confirmed_at = now
    mock.save(update_fields=["state", "confirmed_at"])
    return made


def mock_remember_anonymous(*, session: SessionBase, mock: MockInterview) -> None:
    """Note an anonymous visitor's mock in their session, so it can follow them into an account."""
    if mock.user_id is None:
        session[ANONYMOUS_MOCKS_KEY] = [*session.get(ANONYMOUS_MOCKS_KEY, [])[-49:], mock.pk]


def mock_claim(*, mock_ids: Sequence[int], user_id: int) -> int:
    """Move the anonymous mocks with these ids into the account; returns how many moved."""
    if not mock_ids:
        return 0
    return MockInterview.objects.filter(pk__in=list(mock_ids), user__isnull=True).update(
        user_id=user_id, session_key=""
    )

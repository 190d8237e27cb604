"""Reads for the challenge pages and for other apps (solved marks in the bank's lists)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.utils import timezone

from pyprep.bank.levels import LEVELS
from pyprep.bank.models import Status
from pyprep.bank.pagecache import same_for_everyone
from pyprep.challenges import conf
from pyprep.challenges.models import Challenge, Submission
from pyprep.challenges.spec import visible_source


def solved_question_ids(*, user: AbstractBaseUser | AnonymousUser | None) -> set[int]:
    """Ids of the bank questions whose challenge this user has had accepted on Submit."""
    if user is None or not user.is_authenticated:
        return set()
    return set(
        Submission.objects.accepted()
        .filter(user_id=user.pk)
        .values_list("challenge__question_id", flat=True)
        .distinct()
    )


def challenge_for_slug(*, slug: str) -> Challenge:
    challenge = (
        Challenge.objects.select_related("question")
        .filter(question__slug=slug, question__status=Status.PUBLISHED)
        .first()
    )
    if challenge is None:
        raise Http404("No such challenge")
    return challenge


# What a Run or Submit reads of its challenge: the job's tests and limits, and the reference for a Submit.
SUBMIT_READS = (
    "tests_code",
    "visible_tests",
    "hidden_tests",
    "reference_solution",
    "cpu_seconds",
    "memory_mb",
)


def challenge_for_submission(*, slug: str) -> Challenge:
    """The published challenge a Run or Submit goes to, with only the columns that make its job.

    The same for everyone until the bank changes (a write to a challenge moves the bank's stamp too, see
    apps.py), so each process reads it once per bank version: 0.06 ms from the process's cache against 0.77 ms
    for the query (measured here), on the way from Submit to verdict.
    """
    found: Challenge | str = same_for_everyone(
        f"challenge-for-submission-{slug}",
        # "" for none: the cache cannot hold None, which means "not cached".
        lambda: (
            Challenge.objects.filter(question__slug=slug, question__status=Status.PUBLISHED)
            .only(*SUBMIT_READS)
            .first()
            or ""
        ),
    )
    if not isinstance(found, Challenge):
        raise Http404("No such challenge")
    return found


def visible_test_code(*, challenge: Challenge) -> str:
    """The tests module as a candidate may read it: the visible tests and what they use, nothing hidden."""
    return visible_source(challenge.tests_code, list(challenge.visible_tests))


def submission_history(
    *, user: AbstractBaseUser | AnonymousUser | None, challenge: Challenge, limit: int = 20
) -> QuerySet[Submission]:
    """This user's graded attempts on one challenge, newest first."""
    if user is None or not user.is_authenticated:
        return Submission.objects.none()
    return Submission.objects.filter(user_id=user.pk, challenge=challenge)[:limit]


def has_solved(*, user: AbstractBaseUser | AnonymousUser | None, challenge: Challenge) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return Submission.objects.accepted().filter(user_id=user.pk, challenge=challenge).exists()


def submission_for_viewer(
    *, pk: int, user: AbstractBaseUser | AnonymousUser | None, session_ids: list[int]
) -> Submission:
    """A submission its owner may see: their own account's, or an anonymous run made in this browser session."""
    submission = Submission.objects.select_related("challenge__question").filter(pk=pk).first()
    return _owned(submission, pk=pk, user=user, session_ids=session_ids)


def submission_result_for_viewer(
    *, pk: int, user: AbstractBaseUser | AnonymousUser | None, session_ids: list[int]
) -> Submission:
    """The same, for the result fragment: the verdict's own columns only (no code, no challenge or question)."""
    submission = Submission.objects.defer("code").filter(pk=pk).first()
    return _owned(submission, pk=pk, user=user, session_ids=session_ids)


def _owned(
    submission: Submission | None,
    *,
    pk: int,
    user: AbstractBaseUser | AnonymousUser | None,
    session_ids: list[int],
) -> Submission:
    if submission is None:
        raise Http404("No such submission")
    own_account = (
        submission.user_id is not None
        and user is not None
        and user.is_authenticated
        and submission.user_id == user.pk
    )
    own_session = submission.user_id is None and pk in session_ids
    if not (own_account or own_session):
        raise Http404("No such submission")
    return submission


def judge_silent_on(*, submission: Submission, now: dt.datetime | None = None) -> bool:
    """Whether a submission has waited so long that no judge can be consuming the queue (the page says so)."""
    if not submission.is_pending or submission.created_at is None:
        return False
    waited = ((now or timezone.now()) - submission.created_at).total_seconds()
    return waited > conf.judge_silent_seconds()


@dataclass(frozen=True)
class SolvedAtLevel:
    level: str
    label: str
    solved: int
    total: int


def solved_by_level(*, user: AbstractBaseUser | AnonymousUser | None) -> list[SolvedAtLevel]:
    """How many published challenges this user has had accepted, out of how many, level by level."""
    # One query: each published challenge's level and whether this user has had it accepted.
    accepted = (
        Submission.objects.accepted().filter(user_id=user.pk, challenge=OuterRef("pk"))
        if user is not None and user.is_authenticated
        else Submission.objects.none()
    )
    totals: Counter[str] = Counter()
    solved: Counter[str] = Counter()
    for level, done in (
        Challenge.objects.filter(question__status=Status.PUBLISHED)
        .annotate(done=Exists(accepted))
        .values_list("question__level", "done")
    ):
        totals[level] += 1
        solved[level] += bool(done)
    return [
        SolvedAtLevel(level.value, level.label, solved.get(level.value, 0), totals[level.value])
        for level in LEVELS
        if totals.get(level.value)
    ]

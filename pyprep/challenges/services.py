"""Workflows on challenges: writing validated content, creating submissions, recording the judge's verdict."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone
from django_ratelimit.core import get_usage

from pyprep.bank.models import Question
from pyprep.challenges import conf
from pyprep.challenges.grading import grade, grade_paired, observation_text
from pyprep.challenges.models import Challenge, Submission
from pyprep.challenges.spec import GENERATED_CASES, ChallengeSpec
from pyprep.challenges.validation import Validated
from pyprep.judge.pairing import Paired
from pyprep.judge.protocol import Job, RunResult, shallow_dict
from pyprep.judge.services import judge_job_submit

logger = logging.getLogger(__name__)


class SubmissionRefused(Exception):
    """A submission that was not queued; the message is shown to the candidate as is."""


@transaction.atomic
def challenges_sync(
    *, specs: Sequence[ChallengeSpec], validated: dict[str, Validated], when: dt.datetime
) -> None:
    """Write validated challenges; called inside the bank's content transaction, after the questions."""
    questions = {q.slug: q for q in Question.objects.filter(slug__in=[spec.slug for spec in specs])}
    for spec in specs:
        defaults: dict[str, Any] = {
            "statement": spec.statement,
            "starter_code": spec.starter,
            "tests_code": spec.tests,
            "visible_tests": list(spec.visible_tests),
            "hidden_tests": list(spec.hidden_tests),
            "reference_solution": spec.solution,
            "explanation": spec.explanation,
            "hints": list(spec.hints),
            "cpu_seconds": spec.cpu_seconds,
            "memory_mb": spec.memory_mb,
            "expected": validated[spec.slug].expected,
            "content_hash": spec.content_hash,
        }
        challenge = Challenge.objects.filter(question=questions[spec.slug]).first()
        if challenge is not None and all(getattr(challenge, k) == v for k, v in defaults.items()):
            continue
        Challenge.objects.update_or_create(
            question=questions[spec.slug], defaults={**defaults, "validated_at": when}
        )


def _limited(*, group: str, value: str, rate: str) -> bool:
    """django-ratelimit's counter keyed by a value we already know (user id or client IP), not by a request."""
    usage = get_usage(None, group=group, key=lambda _group, _request: value, rate=rate, increment=True)
    return bool(usage and usage["should_limit"])


def submission_create(
    *,
    challenge: Challenge,
    user: AbstractBaseUser | AnonymousUser | None,
    kind: str,
    code: str,
    client_ip: str,
) -> Submission:
    """Check limits, store the submission and hand it to the judge queue; the web process never runs it."""
    account_id = user.pk if user is not None and user.is_authenticated else None
    signed_in = account_id is not None
    if kind not in Submission.Kind.values:
        raise SubmissionRefused("Unknown action.")
    if kind == Submission.Kind.SUBMIT and not signed_in:
        raise SubmissionRefused("Log in to submit; anyone can Run the visible tests.")
    size = len(code.encode("utf-8"))
    limit = conf.max_source_bytes()
    if size > limit:
        raise SubmissionRefused(
            f"Your code is {size:,} bytes; the limit is {limit:,}. Solutions here fit in far less."
        )
    if not code.strip():
        raise SubmissionRefused("The editor is empty.")
    rates = conf.rates()
    if signed_in and _limited(group="challenges.user", value=str(account_id), rate=rates["user"]):
        raise SubmissionRefused("You are sending code very quickly. Wait a minute, then try again.")
    ip_rate = rates["ip"] if signed_in else rates["anonymous_ip"]
    if _limited(group="challenges.ip", value=client_ip or "unknown", rate=ip_rate):
        raise SubmissionRefused("Too many runs from your network. Wait a minute, then try again.")
    if Submission.objects.pending().count() >= conf.max_pending():
        raise SubmissionRefused(
            "The judge queue is full right now. Your code is kept in the editor; try again shortly."
        )

    with transaction.atomic():
        submission = Submission(challenge=challenge, user_id=account_id, kind=kind, code=code)
        # The judge's job row is what survives a judge restart; the queue hears of it after the commit (an
        # unreachable queue loses nothing: the judge's submit keeps the row for the next judge, and the page
        # keeps waiting and says the judge is not answering). A Submit's hidden cases are drawn by the judge
        # at run time; their expected observations come from the reference solution run on the same seed in
        # a separate job.
        reference = challenge.reference_solution if kind == Submission.Kind.SUBMIT else ""
        submission.judge_job = judge_job_submit(
            job=submission_job(submission=submission), reference=reference
        )
        submission.save(force_insert=True)  # one INSERT, the job's id already in it
    return submission


def submission_job(*, submission: Submission) -> Job:
    """What the sandbox runs: the candidate's code with the tests this kind of submission uses."""
    challenge = submission.challenge
    return Job(
        source=submission.code,
        tests=challenge.tests_code,
        test_names=tuple(challenge.test_names(kind=submission.kind)),
        limits=challenge.limits,
        cases=GENERATED_CASES if submission.kind == Submission.Kind.SUBMIT else 0,
    )


def submissions_start(*, judge_job_id: int) -> int:
    """Mark the submissions of a judge job as picked up by the judge (one UPDATE); how many were queued."""
    return Submission.objects.filter(judge_job_id=judge_job_id, state=Submission.State.QUEUED).update(
        state=Submission.State.RUNNING
    )


def submission_grade(
    *, submission: Submission, result: RunResult, reference: RunResult | None = None
) -> Submission:
    """Compare the sandbox's observations with the reference's and record the verdict. Runs in the judge.

    With `reference` (a Submit: the reference solution on the same fresh seed, run as a separate job) its
    observations are the expected ones; otherwise (a Run) those stored at content load.
    """
    challenge = submission.challenge
    visible = set(challenge.visible_tests)
    if reference is not None:
        # The reference ran the generated cases on this submission's seed; the fixed tests' expected values
        # are the reference's at content load (None for one missing: judge_error, never a silent pass).
        fixed = {name: challenge.expected.get(name) for name in challenge.test_names(kind=submission.kind)}
        verdict = grade_paired(
            Paired(seed=0, result=result, reference=reference), visible=visible, fixed=fixed
        )
    else:
        names = challenge.test_names(kind=submission.kind)
        verdict = grade(result, challenge.expected_for(names), visible=visible)
    submission.verdict = verdict.verdict
    submission.summary = verdict.summary
    hidden_total = sum(not row.visible for row in verdict.tests)
    hidden_seen = 0
    rows = []
    for row in verdict.tests:
        shown = shallow_dict(row)
        if not row.visible:
            # A hidden test is known by its number only: its name could describe its input.
            hidden_seen += 1
            shown["name"] = f"hidden test {hidden_seen} of {hidden_total}"
            shown["message"] = "passed" if row.passed else f"{shown['name']} failed"
        rows.append(_row_for_display(shown))
    submission.results = rows
    submission.traceback = verdict.traceback
    submission.runtime_ms = result.duration_ms
    submission.state = Submission.State.DONE
    submission.finished_at = timezone.now()
    submission.save(update_fields=_GRADED_FIELDS)
    return submission


# What grading writes (the code and the links stay as they were).
_GRADED_FIELDS = ["verdict", "summary", "results", "traceback", "runtime_ms", "state", "finished_at"]


def _row_for_display(row: dict[str, Any]) -> dict[str, Any]:
    """Expected and got as JSON text, the notation the statement and tests use, for visible tests only."""
    if row.get("visible"):
        row["expected"] = observation_text(row.get("expected"))
        row["got"] = (
            row["got"]
            if isinstance(row.get("got"), str)
            and not row.get("passed")
            and row.get("message", "").startswith(("raised", "Expected"))
            else observation_text(row.get("got"))
        )
    return row

"""Grade submissions when the judge announces their job; this runs in the judge process, after its commit."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from pyprep.challenges.models import Submission
from pyprep.challenges.services import submission_grade, submissions_start
from pyprep.judge.protocol import RunResult
from pyprep.judge.signals import job_finished, job_started

# The columns `submission_grade` reads (a deferred one it touched would cost a query per submission).
GRADING_READS = (
    "kind",
    "state",
    "judge_job_id",
    "challenge__visible_tests",
    "challenge__hidden_tests",
    "challenge__expected",
)


@receiver(job_started, dispatch_uid="challenges.job_started")
def on_job_started(sender: object, *, job_id: int, **kwargs: Any) -> None:
    submissions_start(judge_job_id=job_id)


@receiver(job_finished, dispatch_uid="challenges.job_finished")
def on_job_finished(
    sender: object, *, job_id: int, result: RunResult, reference: RunResult | None = None, **kwargs: Any
) -> None:
    # Only what grading reads: not the candidate's code, nor the challenge's texts (statement, tests, reference
    # solution...); this read is on the way from the judge's result to the verdict the page waits for.
    pending = (
        Submission.objects.pending()
        .select_related("challenge")
        .filter(judge_job_id=job_id)
        .only(*GRADING_READS)
    )
    for submission in pending:
        submission_grade(submission=submission, result=result, reference=reference)

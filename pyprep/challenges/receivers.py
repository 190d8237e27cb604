"""Grade submissions when the judge announces their job; this runs in the judge process, after its commit."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from pyprep.challenges.models import Submission
from pyprep.challenges.services import submission_grade, submissions_start
from pyprep.judge.protocol import RunResult
from pyprep.judge.signals import job_finished, job_started


@receiver(job_started, dispatch_uid="challenges.job_started")
def on_job_started(sender: object, *, job_id: int, **kwargs: Any) -> None:
    submissions_start(judge_job_id=job_id)


@receiver(job_finished, dispatch_uid="challenges.job_finished")
def on_job_finished(
    sender: object, *, job_id: int, result: RunResult, reference: RunResult | None = None, **kwargs: Any
) -> None:
    pending = Submission.objects.pending().select_related("challenge").filter(judge_job_id=job_id)
    for submission in pending:
        submission_grade(submission=submission, result=result, reference=reference)

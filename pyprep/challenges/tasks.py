"""The judge queue's task for challenges: it runs in the judge consumer process, never in a web worker."""

from __future__ import annotations

import logging

from huey.contrib.djhuey import db_task

from pyprep.challenges.models import Submission
from pyprep.judge.protocol import Job

logger = logging.getLogger(__name__)


@db_task(retries=1, retry_delay=1)
def grade_submission(submission_id: int) -> None:
    """Run the submission's tests in the sandbox and record the verdict; retried once if the judge crashes."""
    from pyprep.challenges import services
    from pyprep.challenges.runner import shared_sandbox

    submission = Submission.objects.select_related("challenge").filter(pk=submission_id).first()
    if submission is None or submission.state in (Submission.State.DONE, Submission.State.FAILED):
        return
    services.submission_start(submission=submission)
    challenge = submission.challenge
    job = Job(
        source=submission.code,
        tests=challenge.tests_code,
        test_names=tuple(challenge.test_names(kind=submission.kind)),
        limits=challenge.limits,
    )
    try:
        result = shared_sandbox().run(job)
    except Exception as exc:
        logger.exception("sandbox failed on submission %s", submission_id)
        services.submission_fail(submission=submission, reason=f"The judge failed: {type(exc).__name__}")
        return
    services.submission_grade(submission=submission, result=result)

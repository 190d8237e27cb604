"""Judge workflows on the web side: submit a job to the queue, read its result."""

from __future__ import annotations

import logging
import sqlite3

import redis.exceptions
from django.db import transaction

from pyprep.judge import tasks
from pyprep.judge.models import JudgeJob
from pyprep.judge.protocol import Job, RunResult

log = logging.getLogger("pyprep.judge")

# What an unreachable queue raises: the SQLite file's or Redis's errors, or the socket's.
QUEUE_DOWN: tuple[type[Exception], ...] = (OSError, sqlite3.Error, redis.exceptions.RedisError)


def judge_job_submit(*, job: Job, reference: str = "") -> JudgeJob:
    """Record a job and queue it for a judge; the queue hears of it only once the row is committed.

    With `reference`, the judge draws a seed when it runs the job and runs the reference on that seed in a
    separate job first: `job_finished` then carries both results. An unreachable queue loses nothing: the
    row is committed, and a judge that starts later queues every job still waiting.
    """
    row = JudgeJob.objects.create(job=job.to_dict(), reference=reference)
    transaction.on_commit(lambda: _enqueue(row.pk))
    return row


def _enqueue(job_id: int) -> None:
    try:
        tasks.judge_run(job_id)
    except QUEUE_DOWN as exc:
        log.warning("judge queue unreachable, job %s kept for the next judge: %r", job_id, exc)


def judge_job_result(*, job_id: int) -> RunResult | None:
    """The job's result, or None while it is still queued or running."""
    row = JudgeJob.objects.get(pk=job_id)
    data = row.result_data()
    if not row.finished or data is None:
        return None
    return RunResult.from_dict(data)


def judge_job_reference(*, job_id: int) -> RunResult | None:
    """The reference run's result for a job submitted with a reference, once it is done."""
    data = JudgeJob.objects.get(pk=job_id).reference_data()
    return None if data is None else RunResult.from_dict(data)

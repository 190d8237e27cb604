"""The judge side of the queue: claim, run and finish a job, announce it, recover after a restart, heartbeat.

Runs in the judge process (`manage.py judge`, through `tasks.judge_run`); the web side only submits and reads
(`services`).
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from django.db import OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone

from pyprep.judge.models import JudgeHeartbeat, JudgeJob
from pyprep.judge.pairing import run_paired
from pyprep.judge.protocol import Job, RunResult
from pyprep.judge.signals import job_finished, job_started

log = logging.getLogger("pyprep.judge")
T = TypeVar("T")

# A write that meets a busy database (SQLite's lock outlasting its timeout, a dropped PostgreSQL connection)
# is tried again after these pauses, so a momentary lock never strands a job in the queue.
DB_RETRY_PAUSES = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)

MAX_ATTEMPTS = 2
HEARTBEAT_SECONDS = 5.0
# A judge silent for this long is taken for dead: its running jobs are recovered by the next judge.
HEARTBEAT_STALE = timedelta(seconds=30)


def this_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _retrying(write: Callable[[], T]) -> T:
    """Run one self-contained database write, again after a pause if the database is busy."""
    for pause in DB_RETRY_PAUSES:
        if connection.in_atomic_block:
            break  # inside a transaction the caller owns the retry
        try:
            return write()
        except OperationalError as error:
            log.warning("judge: database busy (%s); trying again in %.2f s", error, pause)
            connection.close_if_unusable_or_obsolete()
            time.sleep(pause)
    return write()


def judge_job_claim(*, job_id: int, worker: str) -> Job | None:
    """Move a queued job to running for `worker`; None if someone else has it or it is finished."""
    row = _claim(job_id=job_id, worker=worker)
    return None if row is None else Job.from_dict(row.job)


def _claim(*, job_id: int, worker: str) -> JudgeJob | None:
    # One UPDATE: a judge killed right after claiming must still have counted the attempt, or the job
    # would get more retries than MAX_ATTEMPTS allows.
    claimed = _retrying(
        lambda: JudgeJob.objects.filter(pk=job_id, status=JudgeJob.Status.QUEUED).update(
            status=JudgeJob.Status.RUNNING,
            worker=worker,
            attempts=F("attempts") + 1,
            updated_at=timezone.now(),
        )
    )
    if not claimed:
        return None
    row = JudgeJob.objects.only("job", "reference").get(pk=job_id)
    transaction.on_commit(lambda: _announce_started(job_id))
    return row


def judge_job_finish(
    *, job_id: int, result: RunResult, reference: RunResult | None = None, seed: int | None = None
) -> None:
    status = JudgeJob.Status.FAILED if result.status == "judge_error" else JudgeJob.Status.DONE
    _retrying(
        lambda: JudgeJob.objects.filter(pk=job_id).update(
            status=status,
            result=result.to_dict(),
            reference_result=None if reference is None else reference.to_dict(),
            seed=seed,
            updated_at=timezone.now(),
        )
    )
    _announce_finished(job_id, result, reference)


def _announce_started(job_id: int) -> None:
    # "Running" is only shown while waiting: a listener that fails must not stop the job from running.
    for receiver, response in job_started.send_robust(sender=JudgeJob, job_id=job_id):
        if isinstance(response, Exception):
            log.warning("judge job %s: listener %r failed: %r", job_id, receiver, response)


def _announce_finished(job_id: int, result: RunResult, reference: RunResult | None = None) -> None:
    # Listeners (challenge grading) run after the commit, so they read the stored result, and one that
    # fails is logged without undoing the job's result.
    def send() -> None:
        responses = job_finished.send_robust(
            sender=JudgeJob, job_id=job_id, result=result, reference=reference
        )
        for receiver, response in responses:
            if isinstance(response, OperationalError):  # a busy database: grading is idempotent, so again
                response = _listener_again(receiver, job_id, result, reference)
            if isinstance(response, Exception):
                log.error("judge job %s: listener %r failed: %r", job_id, receiver, response)

    transaction.on_commit(send)


def _listener_again(
    receiver: Callable[..., object], job_id: int, result: RunResult, reference: RunResult | None
) -> object:
    try:
        return _retrying(
            lambda: receiver(
                signal=job_finished, sender=JudgeJob, job_id=job_id, result=result, reference=reference
            )
        )
    except Exception as error:  # noqa: BLE001 - reported by the caller like send_robust's
        return error


def judge_job_execute(*, job_id: int) -> None:
    """Claim, run and record one job (the queue task's body)."""
    from pyprep.judge.runtime import reference_pool, sandbox_get

    row = _claim(job_id=job_id, worker=this_worker())
    if row is None:
        return  # a duplicate delivery: recovery may queue a job the queue also still holds
    job, reference = Job.from_dict(row.job), row.reference
    if not reference:
        judge_job_finish(job_id=job_id, result=sandbox_get().run(job))
        return
    # The seed is this job's alone: drawn now, or drawn ahead for the reference run the pool prepared (never
    # stored before the run, used once; a retried job draws a new one).
    sandbox = sandbox_get()
    pool = reference_pool(sandbox)
    paired = run_paired(sandbox, job=job, reference=reference, pool=pool)
    judge_job_finish(job_id=job_id, result=paired.result, reference=paired.reference, seed=paired.seed)
    # The verdict is out: run the reference ahead on a new seed, so the next Submit like this one waits only
    # for its own job. A reference that failed or could not run is simply run beside that Submit instead.
    pool.prepare(sandbox, job=job, reference=reference)


def _worker_dead(worker: str, beats: dict[str, datetime], now: datetime) -> bool:
    host, _, pid = worker.rpartition(":")
    if worker == this_worker():
        return False
    if host == socket.gethostname() and pid.isdigit():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            pass
    seen = beats.get(worker)
    return seen is None or now - seen > HEARTBEAT_STALE


@transaction.atomic
def judge_jobs_recover() -> list[int]:
    """After a (re)start: retry jobs a dead judge left running once, fail them after that.

    Returns the ids to hand to the queue: the retried ones and every job still queued (the queue's own
    copy may be gone; a duplicate is harmless because claiming is atomic).
    """
    now = timezone.now()
    beats = {beat.worker: beat.seen_at for beat in JudgeHeartbeat.objects.all()}
    requeue: list[int] = []
    for row in JudgeJob.objects.select_for_update().filter(status=JudgeJob.Status.RUNNING):
        if not _worker_dead(row.worker, beats, now):
            continue
        if row.attempts < MAX_ATTEMPTS:
            row.status = JudgeJob.Status.QUEUED
            row.save(update_fields=["status", "updated_at"])
            log.warning("judge job %s was running on %s when it stopped: queued again", row.pk, row.worker)
        else:
            lost = RunResult(
                status="judge_error", traceback="The judge stopped twice while running this job."
            )
            row.status = JudgeJob.Status.FAILED
            row.result = lost.to_dict()
            row.save(update_fields=["status", "result", "updated_at"])
            _announce_finished(row.pk, lost)
            log.error("judge job %s failed: the judge stopped during both attempts", row.pk)
    requeue = list(JudgeJob.objects.filter(status=JudgeJob.Status.QUEUED).values_list("pk", flat=True))
    return requeue


def heartbeat_beat(*, tier: str, started_at: datetime) -> JudgeHeartbeat:
    """Say this judge process is alive (one row per host and pid); old rows of dead judges are pruned."""
    host, pid = socket.gethostname(), os.getpid()
    now = timezone.now()
    beat, _ = JudgeHeartbeat.objects.update_or_create(
        host=host, pid=pid, defaults={"tier": tier, "started_at": started_at, "seen_at": now}
    )
    JudgeHeartbeat.objects.filter(seen_at__lt=now - timedelta(days=1)).delete()
    return beat

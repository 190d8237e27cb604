"""Jobs go through the queue to the judge and back; a restart loses nothing and retries a job only once."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from pyprep.judge import runtime, services, worker
from pyprep.judge.models import JudgeHeartbeat, JudgeJob
from pyprep.judge.protocol import Job, Limits
from pyprep.judge.views import health

pytestmark = pytest.mark.django_db


@pytest.fixture
def immediate_queue() -> Iterator[None]:
    was = HUEY.immediate
    HUEY.immediate = True
    try:
        yield
    finally:
        HUEY.immediate = was
        runtime.sandbox_close()


def test_a_submitted_job_is_judged_and_its_result_read_back(
    immediate_queue: None, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        row = services.judge_job_submit(job=Job(source="print(2 + 2)", limits=Limits(wall_seconds=3)))
    result = services.judge_job_result(job_id=row.pk)
    assert result is not None
    assert (result.status, result.stdout) == ("ok", "4\n")
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("done", 1)


def test_a_job_is_not_run_twice_when_the_queue_delivers_it_twice(immediate_queue: None) -> None:
    row = JudgeJob.objects.create(job=Job(source="print(1)").to_dict())
    worker.judge_job_execute(job_id=row.pk)
    worker.judge_job_execute(job_id=row.pk)
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("done", 1)


def test_a_job_left_running_by_a_dead_judge_is_retried_once_then_failed() -> None:
    dead = "gone-host:12345"
    first = JudgeJob.objects.create(job={"source": ""}, status="running", attempts=1, worker=dead)
    second = JudgeJob.objects.create(job={"source": ""}, status="running", attempts=2, worker=dead)
    waiting = JudgeJob.objects.create(job={"source": ""})
    pending = worker.judge_jobs_recover()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "queued"
    assert second.status == "failed"
    assert second.result is not None
    assert second.result["status"] == "judge_error"
    assert sorted(pending) == sorted([first.pk, waiting.pk])


def test_a_job_running_on_a_live_judge_elsewhere_is_left_alone() -> None:
    now = timezone.now()
    JudgeHeartbeat.objects.create(tier="forkserver", pid=99, host="other-host", started_at=now, seen_at=now)
    row = JudgeJob.objects.create(job={"source": ""}, status="running", attempts=1, worker="other-host:99")
    worker.judge_jobs_recover()
    row.refresh_from_db()
    assert row.status == "running"


def test_health_reports_the_judges_tier_and_how_recently_it_was_seen(client: Client) -> None:
    now = timezone.now()
    JudgeHeartbeat.objects.create(
        tier="forkserver",
        pid=1,
        host="h",
        started_at=now - timedelta(minutes=5),
        seen_at=now - timedelta(seconds=2),
    )
    response = client.get("/health")
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["judge"]["tier"] == "forkserver"
    assert 1 <= body["judge"]["seen_seconds_ago"] < 10


def test_health_is_degraded_without_a_live_judge() -> None:
    from django.test import RequestFactory

    body = json.loads(health(RequestFactory().get("/health")).content)
    assert body["status"] == "degraded"
    assert body["judge"]["tier"] is None


def test_the_queue_engine_is_the_one_the_environment_asks_for() -> None:
    import os

    from huey import RedisHuey, SqliteHuey
    from huey.contrib.djhuey import HUEY

    expected = RedisHuey if os.environ.get("REDIS_URL") else SqliteHuey
    assert isinstance(HUEY, expected)


def test_an_unreachable_queue_keeps_the_job_for_the_next_judge(
    monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    def queue_down(job_id: int) -> None:
        raise ConnectionRefusedError("redis is down")

    monkeypatch.setattr("pyprep.judge.tasks.judge_run", queue_down)
    with django_capture_on_commit_callbacks(execute=True):
        row = services.judge_job_submit(job=Job(source="print(1)", limits=Limits(wall_seconds=3)))
    # Nothing raised to the caller; the row waits, and the next judge's recovery hands it to the queue.
    row.refresh_from_db()
    assert row.status == "queued"
    assert row.pk in worker.judge_jobs_recover()


@pytest.mark.django_db(transaction=True)
def test_a_job_met_by_a_busy_database_is_claimed_once_the_lock_is_gone(immediate_queue: None) -> None:
    """Another connection holds a write lock on the jobs table while the judge claims: the claim waits
    and retries instead of failing the task and stranding the job in the queue."""
    row = JudgeJob.objects.create(job=Job(source="print(1)").to_dict())
    locked, release = threading.Event(), threading.Event()

    def hold_the_table() -> None:
        with transaction.atomic():
            JudgeJob.objects.filter(pk=row.pk).update(updated_at=timezone.now())
            locked.set()
            release.wait(5)
        connection.close()

    holder = threading.Thread(target=hold_the_table)
    holder.start()
    assert locked.wait(5)
    threading.Timer(0.3, release.set).start()
    worker.judge_job_execute(job_id=row.pk)
    holder.join()
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("done", 1)

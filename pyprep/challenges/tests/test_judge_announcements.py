"""Submissions are graded when the judge announces their job, including after a judge dies mid-job."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from pyprep.challenges import services
from pyprep.challenges.models import Challenge, Submission
from pyprep.judge.models import JudgeJob
from pyprep.judge.worker import judge_job_execute, judge_jobs_recover

pytestmark = pytest.mark.django_db(transaction=True)

RIGHT = """def two_sum(numbers, target):
    seen = {}
    for j, value in enumerate(numbers):
        if target - value in seen:
            return (seen[target - value], j)
        seen.setdefault(value, j)
    return None
"""


@pytest.fixture
def queued_run(challenge: Challenge, monkeypatch: pytest.MonkeyPatch) -> Submission:
    monkeypatch.setattr("pyprep.judge.tasks.judge_run", lambda pk: None)  # the test plays the judge
    return services.submission_create(
        challenge=challenge, user=AnonymousUser(), kind="run", code=RIGHT, client_ip="10.1.1.1"
    )


def test_the_judge_running_the_job_grades_the_submission(queued_run: Submission) -> None:
    assert queued_run.judge_job is not None
    judge_job_execute(job_id=queued_run.judge_job.pk)
    queued_run.refresh_from_db()
    assert queued_run.state == Submission.State.DONE
    assert queued_run.verdict == "accepted"
    assert [row["passed"] for row in queued_run.results] == [True, True]


def test_a_job_whose_judge_died_twice_ends_as_a_judge_error_not_a_spinner(queued_run: Submission) -> None:
    assert queued_run.judge_job is not None
    JudgeJob.objects.filter(pk=queued_run.judge_job.pk).update(
        status=JudgeJob.Status.RUNNING, attempts=2, worker="gone-host:1"
    )
    judge_jobs_recover()
    queued_run.refresh_from_db()
    assert queued_run.state == Submission.State.DONE
    assert queued_run.verdict == "judge_error"


def test_a_job_whose_judge_died_once_is_queued_again_and_then_graded(queued_run: Submission) -> None:
    assert queued_run.judge_job is not None
    job_id = queued_run.judge_job.pk
    JudgeJob.objects.filter(pk=job_id).update(
        status=JudgeJob.Status.RUNNING, attempts=1, worker="gone-host:1"
    )
    assert job_id in judge_jobs_recover()
    queued_run.refresh_from_db()
    assert queued_run.verdict == ""
    judge_job_execute(job_id=job_id)
    queued_run.refresh_from_db()
    assert queued_run.verdict == "accepted"


@pytest.mark.redis
def test_a_verdict_announced_on_another_redis_database_does_not_wake_this_waiter() -> None:
    import os

    import redis

    from pyprep.challenges import verdicts

    url = os.environ.get("REDIS_URL", "")
    if not url:
        pytest.skip("needs REDIS_URL (make test-services)")
    here = redis.Redis.from_url(url)
    kwargs = here.connection_pool.connection_kwargs
    elsewhere = redis.Redis(host=kwargs["host"], port=kwargs["port"], db=(kwargs.get("db", 0) + 7) % 16)
    assert verdicts._channel(here, 42) != verdicts._channel(elsewhere, 42)
    with here.pubsub(ignore_subscribe_messages=True) as channel:
        channel.subscribe(verdicts._channel(here, 42))
        channel.get_message(timeout=1)  # the subscription's own confirmation
        elsewhere.publish(verdicts._channel(elsewhere, 42), b"1")
        assert channel.get_message(timeout=0.5) is None
        here.publish(verdicts._channel(here, 42), b"1")
        assert channel.get_message(timeout=2) is not None


def test_grading_an_announced_job_reads_the_submission_once_and_writes_it_once(
    queued_run: Submission, django_assert_num_queries: object
) -> None:
    from pyprep.challenges.receivers import on_job_finished
    from pyprep.judge.protocol import RunResult, TestOutcome

    assert queued_run.judge_job is not None
    result = RunResult(
        status="ok",
        tests=tuple(
            TestOutcome(
                name=name, status="ok", observation=queued_run.challenge.expected[name]["observation"]
            )
            for name in queued_run.challenge.test_names(kind=queued_run.kind)
        ),
    )
    with django_assert_num_queries(2):  # type: ignore[operator]  # one SELECT (no deferred column loaded later), one UPDATE
        on_job_finished(sender=JudgeJob, job_id=queued_run.judge_job.pk, result=result)
    queued_run.refresh_from_db()
    assert (queued_run.state, queued_run.verdict) == (Submission.State.DONE, "accepted")

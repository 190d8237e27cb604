"""Creating submissions: who may, how much, how often; the web request only enqueues."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.cache import cache

from pyprep.challenges import services
from pyprep.challenges.models import Submission
from pyprep.challenges.tests.factories import make_challenge

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_counters() -> None:
    cache.clear()


@pytest.fixture
def enqueued(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Jobs handed to the queue (after commit: these tests run in autocommit, like the site)."""
    jobs: list[int] = []
    monkeypatch.setattr("pyprep.judge.tasks.judge_run", lambda pk: jobs.append(pk))
    return jobs


def test_an_anonymous_run_is_stored_and_handed_to_the_judge_queue(enqueued: list[int]) -> None:
    challenge = make_challenge()
    submission = services.submission_create(
        challenge=challenge,
        user=AnonymousUser(),
        kind="run",
        code="def add(a, b): return a + b",
        client_ip="10.0.0.1",
    )
    assert submission.state == Submission.State.QUEUED
    assert submission.user is None
    assert submission.judge_job is not None
    assert enqueued == [submission.judge_job.pk]


def test_an_anonymous_visitor_cannot_submit(enqueued: list[int]) -> None:
    with pytest.raises(services.SubmissionRefused, match="Log in to submit"):
        services.submission_create(
            challenge=make_challenge(),
            user=AnonymousUser(),
            kind="submit",
            code="x = 1",
            client_ip="10.0.0.1",
        )
    assert enqueued == []


def test_oversized_code_is_refused_with_its_size_and_the_limit(enqueued: list[int]) -> None:
    user = User.objects.create_user("big")
    code = "x = 1\n" * 5000
    with pytest.raises(services.SubmissionRefused, match=r"30,000 bytes; the limit is 20,000"):
        services.submission_create(
            challenge=make_challenge(), user=user, kind="submit", code=code, client_ip="10.0.0.1"
        )
    assert not Submission.objects.exists()


def test_a_user_sending_too_fast_is_told_to_wait(enqueued: list[int], settings: Any) -> None:
    settings.CHALLENGES_RATES = {"user": "3/m"}
    user = User.objects.create_user("fast")
    challenge = make_challenge()
    for n in range(3):
        services.submission_create(
            challenge=challenge, user=user, kind="run", code="pass", client_ip=f"10.0.0.{n}"
        )
    with pytest.raises(services.SubmissionRefused, match="Wait a minute"):
        services.submission_create(
            challenge=challenge, user=user, kind="run", code="pass", client_ip="10.0.0.9"
        )
    assert len(enqueued) == 3


def test_one_network_is_limited_across_anonymous_visitors(enqueued: list[int], settings: Any) -> None:
    settings.CHALLENGES_RATES = {"anonymous_ip": "2/m"}
    challenge = make_challenge()
    for _ in range(2):
        services.submission_create(
            challenge=challenge, user=None, kind="run", code="pass", client_ip="192.0.2.7"
        )
    with pytest.raises(services.SubmissionRefused, match="Too many runs from your network"):
        services.submission_create(
            challenge=challenge, user=None, kind="run", code="pass", client_ip="192.0.2.7"
        )
    services.submission_create(challenge=challenge, user=None, kind="run", code="pass", client_ip="192.0.2.8")


def test_a_full_queue_refuses_new_code_and_says_the_draft_is_kept(enqueued: list[int], settings: Any) -> None:
    settings.CHALLENGES_MAX_PENDING = 1
    challenge = make_challenge()
    services.submission_create(challenge=challenge, user=None, kind="run", code="pass", client_ip="10.0.0.1")
    with pytest.raises(services.SubmissionRefused, match="queue is full.*kept in the editor"):
        services.submission_create(
            challenge=challenge, user=None, kind="run", code="pass", client_ip="10.0.0.2"
        )


def test_a_submit_through_the_page_queues_the_same_job_as_the_whole_challenge_makes(
    enqueued: list[int], client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pyprep.judge.models import JudgeJob

    monkeypatch.setattr("pyprep.challenges.verdicts.judge_alive", lambda: False)  # answer at once
    challenge = make_challenge(memory_mb=64, cpu_seconds=1.0)
    user = User.objects.create_user("lean-reader")
    client.force_login(user)
    response = client.post(
        "/challenges/add-two/submit/", {"kind": "submit", "code": "def add(a, b): return a + b"}
    )
    assert response.status_code == 200
    row = JudgeJob.objects.get(pk=enqueued[0])
    submission = Submission.objects.get(judge_job=row)
    expected = services.submission_job(
        submission=Submission(challenge=challenge, kind="submit", code=submission.code)
    )
    assert row.job == expected.to_dict()
    assert row.reference == challenge.reference_solution


def test_a_submit_to_an_unpublished_challenge_is_not_found(enqueued: list[int], client: Any) -> None:
    from pyprep.bank.models import Question, Status

    make_challenge()
    Question.objects.filter(slug="add-two").update(status=Status.DRAFT)
    client.force_login(User.objects.create_user("late"))
    response = client.post("/challenges/add-two/submit/", {"kind": "submit", "code": "x = 1"})
    assert response.status_code == 404
    assert enqueued == []


def test_each_submit_runs_the_challenge_as_it_stands_after_every_write_to_it(
    enqueued: list[int], client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each process keeps the challenge a Submit runs until the bank changes: a write to the challenge or to
    its question moves the bank's stamp, so the next Submit reads it again."""
    from pyprep.judge.models import JudgeJob

    monkeypatch.setattr("pyprep.challenges.verdicts.judge_alive", lambda: False)  # answer at once
    challenge = make_challenge(memory_mb=64)
    client.force_login(User.objects.create_user("steady"))
    code = {"kind": "submit", "code": "def add(a, b): return a + b"}
    assert client.post("/challenges/add-two/submit/", code).status_code == 200
    challenge.memory_mb = 96
    challenge.reference_solution = "def add(a, b):\n    return b + a\n"
    challenge.save()
    assert client.post("/challenges/add-two/submit/", code).status_code == 200
    first, second = (JudgeJob.objects.get(pk=pk) for pk in enqueued)
    assert (first.job["limits"]["memory_mb"], second.job["limits"]["memory_mb"]) == (64, 96)
    assert second.reference == "def add(a, b):\n    return b + a\n"
    question = challenge.question
    question.status = "draft"
    question.save()
    assert client.post("/challenges/add-two/submit/", code).status_code == 404
    assert len(enqueued) == 2


def test_counting_the_pending_submissions_reads_the_state_index_not_the_table() -> None:
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the plan asserted is SQLite's; PostgreSQL picks by table size")
    plan = Submission.objects.pending().explain()
    assert "challenges_submission_state" in plan, plan

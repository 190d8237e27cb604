"""The result fragment waits for the judge's announcement instead of polling on a timer."""

from __future__ import annotations

import select
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.db import OperationalError, connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from pyprep.challenges import verdicts
from pyprep.challenges.models import Submission
from pyprep.challenges.tests.factories import make_challenge
from pyprep.judge.models import JudgeHeartbeat

CODE = "def add(a, b):\n    return a + b\n"


def _grade(submission: Submission) -> None:
    submission.state = Submission.State.DONE
    submission.verdict = "accepted"
    submission.summary = "All tests pass."
    submission.save()


@pytest.mark.django_db
def test_a_graded_submission_is_announced_to_waiting_pages(django_capture_on_commit_callbacks: Any) -> None:
    user = User.objects.create_user("owner", password="pw-owner-123")
    submission = Submission.objects.create(challenge=make_challenge(), user=user, kind="submit", code=CODE)
    assert caches["shared"].get(f"verdict:{submission.pk}") is None
    with django_capture_on_commit_callbacks(execute=True):
        _grade(submission)
    assert caches["shared"].get(f"verdict:{submission.pk}") == 1


@pytest.mark.django_db(transaction=True)
def test_a_waiting_page_is_answered_with_the_verdict_once_the_judge_announces_it(client: Client) -> None:
    user = User.objects.create_user("owner", password="pw-owner-123")
    submission = Submission.objects.create(challenge=make_challenge(), user=user, kind="submit", code=CODE)
    client.force_login(user)

    def judge() -> None:
        _grade(Submission.objects.get(pk=submission.pk))
        connection.close()

    grader = threading.Timer(0.3, judge)
    grader.start()
    response = client.get(reverse("challenges:wait", args=[submission.pk]))
    grader.join()
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-verdict="accepted"' in body
    assert "challenge-graded" in response["HX-Trigger"]


@pytest.mark.django_db
def test_a_wait_that_runs_out_returns_the_pending_fragment_which_asks_again(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verdicts, "WAIT_SECONDS", 0.05)
    user = User.objects.create_user("owner", password="pw-owner-123")
    submission = Submission.objects.create(challenge=make_challenge(), user=user, kind="submit", code=CODE)
    client.force_login(user)
    body = client.get(reverse("challenges:wait", args=[submission.pk])).content.decode()
    assert f'hx-get="{reverse("challenges:wait", args=[submission.pk])}"' in body
    assert "data-graded" not in body


@pytest.mark.django_db
def test_a_wait_that_finds_every_place_taken_answers_at_once_and_asks_again_a_second_later(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each wait holds a server thread: past the process's places, pages must not queue behind verdicts."""
    slots = threading.BoundedSemaphore(1)
    monkeypatch.setattr(verdicts, "_wait_slots", lambda: slots)
    waited: list[int] = []

    def verdict_wait(*, submission_id: int, timeout: float) -> bool:
        waited.append(submission_id)
        return False

    monkeypatch.setattr(verdicts, "verdict_wait", verdict_wait)
    user = User.objects.create_user("owner", password="pw-owner-123")
    submission = Submission.objects.create(challenge=make_challenge(), user=user, kind="submit", code=CODE)
    client.force_login(user)
    url = reverse("challenges:wait", args=[submission.pk])

    with verdicts.wait_slot() as taken:  # another request of this process is waiting
        assert taken
        busy = client.get(url).content.decode()
    assert waited == []
    assert f'hx-get="{url}" hx-trigger="load delay:1s"' in busy

    free = client.get(url).content.decode()  # the place is free again: this request waits
    assert waited == [submission.pk]
    assert f'hx-get="{url}" hx-trigger="load"' in free


def test_the_places_to_wait_follow_the_setting_and_are_never_none() -> None:
    from pyprep.challenges import conf

    with override_settings(CHALLENGES_WAITING_PER_PROCESS=6):
        assert conf.waiting_per_process() == 6
    with override_settings(CHALLENGES_WAITING_PER_PROCESS=0):
        assert conf.waiting_per_process() == 1  # with none, a page would ask again for ever


@pytest.mark.django_db
def test_a_stranger_cannot_wait_on_someone_else_s_submission(client: Client) -> None:
    owner = User.objects.create_user("owner", password="pw-owner-123")
    submission = Submission.objects.create(challenge=make_challenge(), user=owner, kind="submit", code=CODE)
    client.force_login(User.objects.create_user("intruder", password="pw-intruder-123"))
    assert client.get(reverse("challenges:wait", args=[submission.pk])).status_code == 404


def _judge_alive() -> None:
    now = timezone.now()
    JudgeHeartbeat.objects.create(tier="forkserver", pid=1, host="h", started_at=now, seen_at=now)


@pytest.mark.django_db(transaction=True)
def test_run_answers_with_the_verdict_itself_when_the_judge_grades_it_within_the_wait(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pyprep.judge.tasks.judge_run", lambda pk: None)  # the test plays the judge
    challenge = make_challenge()
    client.force_login(User.objects.create_user("owner", password="pw-owner-123"))
    _judge_alive()

    def judge() -> None:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                if submission := Submission.objects.first():
                    _grade(submission)
                    break
            except OperationalError:
                # The test database is SQLite in memory with a shared cache: while the request's transaction
                # writes the table, a read here fails at once ("database table is locked") instead of
                # waiting as it would on the site's database file. Ask again, as a judge would.
                pass
            time.sleep(0.01)
        connection.close()

    grader = threading.Thread(target=judge)
    grader.start()
    response = client.post(reverse("challenges:submit", args=[challenge.slug]), {"kind": "run", "code": CODE})
    grader.join()
    body = response.content.decode()
    assert 'data-verdict="accepted"' in body
    assert "hx-get" not in body  # nothing left to ask: one request from Run to verdict
    assert "challenge-graded" in response["HX-Trigger"]


@pytest.mark.django_db(transaction=True)
@override_settings(CHALLENGES_SUBMIT_WAIT_SECONDS=0.1)
def test_run_answers_with_the_pending_fragment_when_the_verdict_takes_longer_than_the_wait(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pyprep.judge.tasks.judge_run", lambda pk: None)  # a judge that never answers
    challenge = make_challenge()
    _judge_alive()
    started = time.monotonic()
    response = client.post(reverse("challenges:submit", args=[challenge.slug]), {"kind": "run", "code": CODE})
    submission = Submission.objects.get()
    assert reverse("challenges:wait", args=[submission.pk]) in response.content.decode()
    assert time.monotonic() - started < 3


# On one machine (no Redis) the judge's announcement wakes the waiting request through its own socket.


class Forgetful:
    def get(self, key: str) -> None:
        return None

    def set(self, key: str, value: object, timeout: float | None = None) -> None:
        pass


@pytest.fixture
def var_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(verdicts, "_redis", lambda: None)
    with override_settings(VAR_DIR=tmp_path):
        yield tmp_path


def test_an_announcement_wakes_the_waiters_of_that_submission_only(var_dir: Path) -> None:
    with (
        verdicts._wake_socket(submission_id=7) as seven,
        verdicts._wake_socket(submission_id=70) as seventy,
    ):
        assert seven is not None
        assert seventy is not None
        verdicts._wake_waiters(submission_id=7)
        assert select.select([seven], [], [], 2)[0]
        assert not select.select([seventy], [], [], 0.1)[0]
    assert list((var_dir / "verdict-waiters").iterdir()) == []  # each waiter removes its socket


def test_a_waiting_request_answers_on_the_announcement_without_waiting_for_a_poll(
    var_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verdicts, "_graded", lambda submission_id: False)  # only the push can end the wait
    monkeypatch.setattr(verdicts, "_CHECK_WITH_SOCKET", 30.0)
    monkeypatch.setattr(verdicts, "_RECHECK_DB_EVERY", 30.0)
    monkeypatch.setattr(verdicts, "caches", {"shared": Forgetful()})  # nor the shared-cache key
    answered: list[float] = []

    def wait() -> None:
        verdicts.verdict_wait(submission_id=11, timeout=20)
        answered.append(time.monotonic())

    waiter = threading.Thread(target=wait)
    waiter.start()
    deadline = time.monotonic() + 5
    while not list((var_dir / "verdict-waiters").glob("11.*")) and time.monotonic() < deadline:
        time.sleep(0.01)
    announced = time.monotonic()
    verdicts.verdict_announce(submission_id=11)
    waiter.join(timeout=10)
    assert answered
    assert answered[0] - announced < 2


def test_a_socket_left_by_a_killed_web_worker_is_removed_by_the_next_announcement(var_dir: Path) -> None:
    with verdicts._wake_socket(submission_id=5):
        pass
    stale = var_dir / "verdict-waiters" / "5.deadbeef"
    orphan = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    orphan.bind(str(stale))
    orphan.close()  # the path stays, nobody reads it
    verdicts._wake_waiters(submission_id=5)
    assert not stale.exists()

"""The result fragment waits for the judge's announcement instead of polling on a timer."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.urls import reverse

from pyprep.challenges import verdicts
from pyprep.challenges.models import Submission
from pyprep.challenges.tests.factories import make_challenge

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
def test_a_stranger_cannot_wait_on_someone_else_s_submission(client: Client) -> None:
    owner = User.objects.create_user("owner", password="pw-owner-123")
    submission = Submission.objects.create(challenge=make_challenge(), user=owner, kind="submit", code=CODE)
    client.force_login(User.objects.create_user("intruder", password="pw-intruder-123"))
    assert client.get(reverse("challenges:wait", args=[submission.pk])).status_code == 404

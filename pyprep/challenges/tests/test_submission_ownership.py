"""A submission's code and results are shown only to whoever made it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from pyprep.challenges.models import Submission
from pyprep.challenges.tests.factories import make_challenge

pytestmark = pytest.mark.django_db

SECRET = "def add(a, b):\n    return a + b  # my private attempt\n"


def test_another_account_cannot_read_a_submission_by_id(client: Client) -> None:
    owner = User.objects.create_user("owner", password="pw-owner-123")
    intruder = User.objects.create_user("intruder", password="pw-intruder-123")
    submission = Submission.objects.create(challenge=make_challenge(), user=owner, kind="submit", code=SECRET)
    url = reverse("challenges:result", args=[submission.pk])
    client.force_login(intruder)
    assert client.get(url).status_code == 404
    client.force_login(owner)
    assert client.get(url).status_code == 200


def test_an_anonymous_run_is_visible_only_in_the_browser_session_that_made_it(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pyprep.judge.tasks.judge_run", lambda pk: None)
    challenge = make_challenge()
    response = client.post(
        reverse("challenges:submit", args=[challenge.slug]), {"kind": "run", "code": SECRET}
    )
    assert response.status_code == 200
    submission = Submission.objects.get()
    url = reverse("challenges:result", args=[submission.pk])
    assert client.get(url).status_code == 200
    assert Client().get(url).status_code == 404
    stranger = Client()
    stranger.force_login(User.objects.create_user("stranger", password="pw-stranger-123"))
    assert stranger.get(url).status_code == 404

"""Solved challenges count on the progress page and the account page, by level."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from pyprep.challenges.models import Submission
from pyprep.challenges.tests.factories import make_challenge

pytestmark = pytest.mark.django_db


def test_an_accepted_submission_counts_once_at_its_level_on_progress_and_profile(client: Client) -> None:
    solved = make_challenge("add-two")
    make_challenge("add-three")
    user = User.objects.create_user("solver", password="pw-long-enough-1")
    for _ in range(2):
        Submission.objects.create(
            challenge=solved, user=user, kind="submit", code="x", state="done", verdict="accepted"
        )
    Submission.objects.create(
        challenge=solved, user=User.objects.create_user("other"), kind="submit", code="y", state="done",
        verdict="accepted",
    )  # fmt: skip
    client.force_login(user)
    for url in ("/practice/progress/", "/accounts/profile/"):
        page = client.get(url).content.decode()
        assert "Code challenges solved" in page, url
        assert '<th scope="row">Entry</th><td>1 of 2</td>' in page, url

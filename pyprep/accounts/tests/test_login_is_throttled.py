"""Guessing passwords is slowed down: after a few failed attempts for one username, log-in answers 429."""

from __future__ import annotations

import pytest
from django.test import Client

from pyprep.practice.tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_sixth_attempt_in_a_minute_is_refused_even_with_the_right_password(client: Client) -> None:
    make_user(username="target")
    for _ in range(5):
        assert client.post("/accounts/login/", {"username": "target", "password": "wrong"}).status_code == 200
    response = client.post("/accounts/login/", {"username": "target", "password": "correct horse battery"})
    assert response.status_code == 429
    assert "Too many log-in attempts" in response.content.decode()


def test_a_correct_password_logs_in_before_the_limit(client: Client) -> None:
    make_user(username="fine")
    response = client.post("/accounts/login/", {"username": "fine", "password": "correct horse battery"})
    assert response.status_code == 302

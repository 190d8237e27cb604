"""A visitor can take a mock without an account; on sign-up or log-in it moves into the account."""

from __future__ import annotations

import pytest
from django.test import Client

from pyprep.mock.models import MockInterview
from pyprep.mock.tests.factories import make_concepts
from pyprep.practice.tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_an_anonymous_mock_works_and_follows_the_visitor_into_the_account(client: Client) -> None:
    make_concepts(4)
    response = client.post("/mock/start/", {"level": "junior", "minutes": "20"})
    mock = MockInterview.objects.get()
    assert mock.user_id is None
    assert mock.session_key
    assert client.get(response["Location"]).status_code == 200

    user = make_user(username="later")
    client.post("/accounts/login/", {"username": "later", "password": "correct horse battery"})
    mock.refresh_from_db()
    assert (mock.user_id, mock.session_key) == (user.pk, "")
    assert client.get(f"/mock/{mock.pk}/").status_code == 200


def test_another_browser_cannot_open_an_anonymous_mock(client: Client) -> None:
    make_concepts(4)
    client.post("/mock/start/", {"level": "junior", "minutes": "20"})
    mock = MockInterview.objects.get()
    assert Client().get(f"/mock/{mock.pk}/").status_code == 404

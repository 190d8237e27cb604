"""After sign-up the `next` the form carried is followed only when it stays on this site."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

FOREIGN = [
    "https://evil.example/",
    "//evil.example/",
    "https:evil.example",
    "///evil.example",
    "http://127.0.0.1:8000@evil.example/",
    "http://testserver@evil.example/",
    "\\\\evil.example",
    "javascript:alert(1)",
]


def _signup(client: Client, next_url: str, name: str = "ada") -> Any:
    response = client.post(
        "/accounts/signup/",
        {
            "username": name,
            "email": f"{name}@example.com",
            "password1": "analytical engine",
            "password2": "analytical engine",
            "next": next_url,
        },
    )
    return response


@pytest.mark.parametrize("target", FOREIGN)
def test_a_foreign_next_after_sign_up_lands_on_the_site(client: Client, target: str) -> None:
    response = _signup(client, target)
    assert response.status_code == 302
    assert response["Location"] == "/practice/"


def test_a_bare_word_next_is_ignored_rather_than_failing_after_the_account_exists(client: Client) -> None:
    response = _signup(client, "profile")
    assert response.status_code == 302
    assert response["Location"] == "/practice/"


def test_a_local_next_after_sign_up_is_followed(client: Client) -> None:
    response = _signup(client, "/questions/?level=senior")
    assert response["Location"] == "/questions/?level=senior"

"""Password guessing, sign-up floods and reset-mail floods are slowed down, and the attacker, not the user, waits."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client, override_settings

from pyprep.practice.tests.factories import make_user

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.7"
OWNER = "198.51.100.9"


def test_the_admin_log_in_refuses_guessing_after_five_wrong_passwords(client: Client) -> None:
    make_user(username="boss", is_staff=True, is_superuser=True)
    for _ in range(5):
        response = client.post(
            "/admin/login/?next=/admin/", {"username": "boss", "password": "wrong"}, REMOTE_ADDR=ATTACKER
        )
        assert response.status_code == 200
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "boss", "password": "correct horse battery"},
        REMOTE_ADDR=ATTACKER,
    )
    assert response.status_code == 429
    assert "Too many log-in attempts" in response.content.decode()


def test_guessing_from_one_address_does_not_lock_the_owner_out_from_another(client: Client) -> None:
    make_user(username="target")
    for _ in range(6):
        client.post("/accounts/login/", {"username": "target", "password": "wrong"}, REMOTE_ADDR=ATTACKER)
    owner = Client()
    response = owner.post(
        "/accounts/login/", {"username": "target", "password": "correct horse battery"}, REMOTE_ADDR=OWNER
    )
    assert response.status_code == 302


def test_one_address_guessing_many_usernames_is_refused(client: Client) -> None:
    for number in range(20):
        client.post("/accounts/login/", {"username": f"user{number}", "password": "x"}, REMOTE_ADDR=ATTACKER)
    response = client.post("/accounts/login/", {"username": "user99", "password": "x"}, REMOTE_ADDR=ATTACKER)
    assert response.status_code == 429


def test_password_reset_mails_to_one_address_are_capped_without_saying_so(client: Client) -> None:
    make_user(username="forgetful", email="f@example.com")
    for number in range(10):
        response = client.post(
            "/accounts/password/reset/", {"email": "f@example.com"}, REMOTE_ADDR=f"192.0.2.{number}"
        )
        # The page never tells whether mail went out, so it cannot be used to probe addresses either.
        assert response.status_code == 302
    assert len(mail.outbox) == 3


def test_one_address_asking_for_many_reset_mails_is_refused(client: Client) -> None:
    for number in range(10):
        client.post("/accounts/password/reset/", {"email": f"x{number}@example.com"}, REMOTE_ADDR=ATTACKER)
    response = client.post("/accounts/password/reset/", {"email": "y@example.com"}, REMOTE_ADDR=ATTACKER)
    assert response.status_code == 429
    assert "Too many" in response.content.decode()


def test_sign_up_floods_from_one_address_are_refused(client: Client) -> None:
    for number in range(10):
        Client().post(
            "/accounts/signup/",
            {
                "username": f"bot{number}",
                "email": f"bot{number}@example.com",
                "password1": "analytical engine",
                "password2": "analytical engine",
            },
            REMOTE_ADDR=ATTACKER,
        )
    response = client.post(
        "/accounts/signup/",
        {
            "username": "bot99",
            "email": "bot99@example.com",
            "password1": "analytical engine",
            "password2": "analytical engine",
        },
        REMOTE_ADDR=ATTACKER,
    )
    assert response.status_code == 429
    assert "Too many" in response.content.decode()


def test_sign_up_does_not_say_whether_an_email_is_registered(client: Client) -> None:
    make_user(username="first", email="same@example.com")
    response = client.post(
        "/accounts/signup/",
        {
            "username": "second",
            "email": "same@example.com",
            "password1": "analytical engine",
            "password2": "analytical engine",
        },
    )
    assert response.status_code == 302
    assert "already" not in response.content.decode()


@override_settings(RATELIMIT_IP_META_KEY="HTTP_X_REAL_IP")
def test_behind_a_proxy_the_client_address_it_reports_is_throttled_not_the_proxy(client: Client) -> None:
    make_user(username="target")
    for _ in range(6):
        client.post(
            "/accounts/login/",
            {"username": "target", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_REAL_IP=ATTACKER,
        )
    response = Client().post(
        "/accounts/login/",
        {"username": "target", "password": "correct horse battery"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_REAL_IP=OWNER,
    )
    assert response.status_code == 302

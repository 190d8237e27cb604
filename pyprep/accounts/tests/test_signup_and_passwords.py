"""Sign up, log out, change and reset a password through the pages."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from pyprep.practice.tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_signing_up_logs_the_new_user_in(client: Client) -> None:
    response = client.post(
        "/accounts/signup/",
        {
            "username": "ada",
            "email": "ada@example.com",
            "password1": "analytical engine",
            "password2": "analytical engine",
        },
        follow=True,
    )
    assert response.context["user"].username == "ada"


def test_a_password_reset_email_leads_to_a_new_password(client: Client) -> None:
    make_user(username="forgetful", email="f@example.com")
    client.post("/accounts/password/reset/", {"email": "f@example.com"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(\S+)", str(mail.outbox[0].body))
    assert link
    form_url = client.get(link.group(1), follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": "brand new secret", "new_password2": "brand new secret"})
    assert client.login(username="forgetful", password="brand new secret")


def test_changing_the_password_needs_the_old_one(client: Client) -> None:
    user = make_user(username="changer")
    client.force_login(user)
    client.post(
        "/accounts/password/change/",
        {
            "old_password": "correct horse battery",
            "new_password1": "another fine pass",
            "new_password2": "another fine pass",
        },
    )
    client.post("/accounts/logout/")
    assert client.login(username="changer", password="another fine pass")

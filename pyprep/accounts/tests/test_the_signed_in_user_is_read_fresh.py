"""Every request reads the signed-in account from the database (without the ORM's query building): a
password change or a deactivation signs other sessions out at once, and older sessions stay signed in."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth.hashers import make_password
from django.test import Client

from pyprep.accounts.backends import user_by_pk
from pyprep.practice.tests.factories import make_user

pytestmark = pytest.mark.django_db

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _signed_in_name(client: Client) -> str:
    return str(client.get("/questions/").context["user"].get_username())


def test_the_account_read_is_the_account_the_orm_reads() -> None:
    user = make_user(username="ada", first_name="Ada", is_staff=True)
    fresh = get_user_model().objects.get(pk=user.pk)
    read = user_by_pk(pk=user.pk)
    assert read is not None
    fields = [field.attname for field in get_user_model()._meta.concrete_fields]
    assert [getattr(read, name) for name in fields] == [getattr(fresh, name) for name in fields]
    assert user_by_pk(pk=user.pk + 1000) is None


def test_a_password_changed_elsewhere_signs_this_session_out(client: Client) -> None:
    user = make_user(username="grace")
    client.force_login(user)
    assert _signed_in_name(client) == "grace"
    user.password = make_password("a new secret")
    user.save()
    assert _signed_in_name(client) == ""


def test_a_deactivated_account_is_signed_out(client: Client) -> None:
    user = make_user(username="linus")
    client.force_login(user)
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    assert _signed_in_name(client) == ""


def test_a_session_signed_in_through_djangos_own_backend_stays_signed_in(client: Client) -> None:
    client.force_login(make_user(username="barbara"), backend=MODEL_BACKEND)
    assert client.session[BACKEND_SESSION_KEY] == MODEL_BACKEND
    assert _signed_in_name(client) == "barbara"


def test_a_wrong_password_is_checked_once(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    make_user(username="ken")
    checks: list[Any] = []
    original = get_user_model().check_password

    def counted(self: Any, raw_password: str) -> bool:
        checks.append(raw_password)
        return bool(original(self, raw_password))

    monkeypatch.setattr(get_user_model(), "check_password", counted)
    assert not client.login(username="ken", password="wrong")
    assert checks == ["wrong"]
    assert client.login(username="ken", password="correct horse battery")

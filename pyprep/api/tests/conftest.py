from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import AbstractBaseUser

import pyprep.bank
from pyprep.api.services import token_create
from pyprep.bank.services import content_load
from pyprep.challenges.tests.factories import make_challenge

FIXTURE_CONTENT = Path(pyprep.bank.__file__).parent / "tests" / "fixtures" / "content"


def load_bank() -> None:
    """The bank's small fixture tree through the real loader, and one challenge ("add-two")."""
    result = content_load(root=FIXTURE_CONTENT)
    assert result.errors == []
    make_challenge()


@pytest.fixture
def bank(db: None) -> None:
    load_bank()


@pytest.fixture
def user(django_user_model: type[AbstractBaseUser]) -> AbstractBaseUser:
    return django_user_model.objects.create_user(username="ada", password="correct horse battery")  # type: ignore[attr-defined]


@pytest.fixture
def token(user: AbstractBaseUser) -> str:
    return token_create(user=user, name="tests").secret


@pytest.fixture
def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}

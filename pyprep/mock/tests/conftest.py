from __future__ import annotations

import pytest
from django.contrib.auth.models import AbstractBaseUser
from django.test import Client

from pyprep.practice.tests.factories import make_user


@pytest.fixture
def candidate(client: Client, db: None) -> AbstractBaseUser:
    user: AbstractBaseUser = make_user(username="candidate")
    client.force_login(user)
    return user

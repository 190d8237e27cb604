from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from pyprep.practice.tests.factories import make_user


@pytest.fixture
def candidate(client: Client, db: None) -> Any:
    user = make_user(username="candidate")
    client.force_login(user)
    return user

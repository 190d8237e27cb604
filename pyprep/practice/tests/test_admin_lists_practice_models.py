"""Curators can look at practice data in the admin (read-only lists)."""

from __future__ import annotations

import pytest
from django.test import Client

from pyprep.practice.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["card", "review", "practicesession", "star", "note"])
def test_the_admin_changelist_opens(client: Client, model: str) -> None:
    admin = make_user(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get(f"/admin/practice/{model}/").status_code == 200

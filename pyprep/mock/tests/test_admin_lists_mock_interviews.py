"""Support can look at mock interviews and their questions in the admin."""

from __future__ import annotations

import pytest
from django.test import Client

from pyprep.mock.tests.factories import make_concepts, start_mock
from pyprep.practice.ownership import Owner
from pyprep.practice.tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_admin_lists_a_mock_and_shows_its_questions(client: Client) -> None:
    make_concepts(4)
    mock = start_mock(Owner(session_key="visitor"))
    client.force_login(make_user(username="admin", is_staff=True, is_superuser=True))
    assert client.get("/admin/mock/mockinterview/").status_code == 200
    page = client.get(f"/admin/mock/mockinterview/{mock.pk}/change/").content.decode()
    assert mock.items.get(position=0).question.title in page

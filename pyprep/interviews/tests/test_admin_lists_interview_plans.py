"""Staff can look at interview plans and scored rows in the admin."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from pyprep.interviews import selectors, services
from pyprep.interviews.kit import KitOptions
from pyprep.interviews.tests.factories import make_bank

pytestmark = pytest.mark.django_db


def test_the_admin_lists_plans_and_rows_and_opens_a_plan(client: Client) -> None:
    make_bank(level="senior", count=2, topics=1, challenge=False)
    admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "a long password 123")
    plan = services.plan_create(
        owner_id=admin.pk, title="Plan", kit=selectors.kit_build(options=KitOptions(level="senior", seed=1))
    )
    client.force_login(admin)
    for url in (
        "/admin/interviews/interviewplan/",
        "/admin/interviews/planrow/",
        f"/admin/interviews/interviewplan/{plan.pk}/change/",
    ):
        assert client.get(url).status_code == 200, url

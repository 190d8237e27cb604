"""The nav and home page show how many cards are due today for the visitor."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from pyprep.practice.models import Card
from pyprep.practice.ownership import Owner
from pyprep.practice.tests.factories import make_question, make_user

pytestmark = pytest.mark.django_db


def test_cards_due_today_are_counted_and_future_ones_are_not(client: Client) -> None:
    user = make_user()
    owner = Owner(user_id=user.pk)
    for days in (-3, 0, 5):
        Card.objects.create(
            **owner.fields(), question=make_question(), due=timezone.now() + timedelta(days=days)
        )
    client.force_login(user)
    assert "2 due" in client.get("/").content.decode()


def test_a_new_visitor_sees_no_due_badge(client: Client) -> None:
    assert "due</span>" not in client.get("/").content.decode()

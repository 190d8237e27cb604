"""Each account sets its own number of new questions per day (default 20, 0–500) on its settings page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from pyprep.practice.models import Preferences, Scope
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade
from pyprep.practice.selectors import new_card_limit, new_cards_left_today
from pyprep.practice.services import NothingToPractise, review_record, session_start
from pyprep.practice.tests.factories import make_questions, make_user

pytestmark = pytest.mark.django_db


def test_an_account_starts_at_twenty_and_its_own_setting_limits_its_sessions(client: Client) -> None:
    user = make_user()
    owner = Owner(user_id=user.pk)
    assert new_card_limit(owner=owner) == 20
    client.force_login(user)
    page = client.get(reverse("practice:preferences")).content.decode()
    assert 'value="20"' in page

    response = client.post(reverse("practice:preferences"), {"new_cards_per_day": "2"})
    assert response.status_code == 302
    assert new_cards_left_today(owner=owner) == 2
    ids = [q.pk for q in make_questions(5)]
    session = session_start(owner=owner, scope=Scope.FILTER, candidate_ids=ids, title="t", length=5)
    for item in session.items.all():
        review_record(item=item, grade=Grade.GOOD)
    assert session.items.count() == 2
    with pytest.raises(NothingToPractise, match="limit of 2 new"):
        session_start(owner=owner, scope=Scope.FILTER, candidate_ids=ids[2:], title="t")


@pytest.mark.parametrize("value", ["-1", "501", "many", ""])
def test_a_limit_outside_0_to_500_is_refused_with_the_reason(client: Client, value: str) -> None:
    user = make_user()
    client.force_login(user)
    response = client.post(reverse("practice:preferences"), {"new_cards_per_day": value})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not Preferences.objects.exists()


def test_the_setting_is_the_accounts_own(client: Client) -> None:
    me, other = make_user(), make_user()
    Preferences.objects.create(user=other, new_cards_per_day=7)
    client.force_login(me)
    client.post(reverse("practice:preferences"), {"new_cards_per_day": "0"})
    assert Preferences.objects.get(user=other).new_cards_per_day == 7
    assert Preferences.objects.get(user=me).new_cards_per_day == 0
    assert Client().get(reverse("practice:preferences")).status_code == 302  # anonymous: log in first

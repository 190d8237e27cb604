"""A curated set's page starts practice directly (length adjustable there); with nothing to practise it says when."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pyprep.bank.models import CuratedSet, CuratedSetItem
from pyprep.practice.models import Card, PracticeSession, Preferences
from pyprep.practice.tests.factories import make_questions, make_user

pytestmark = pytest.mark.django_db


def _set(count: int = 3) -> CuratedSet:
    curated = CuratedSet.objects.create(slug="warm-up", title="Warm-up")
    for position, question in enumerate(make_questions(count)):
        CuratedSetItem.objects.create(curated_set=curated, question=question, position=position)
    return curated


def test_the_set_page_starts_a_session_of_the_chosen_length_in_one_step(client: Client) -> None:
    curated = _set(3)
    user = make_user()
    client.force_login(user)
    page = client.get(curated.get_absolute_url()).content.decode()
    assert 'name="length"' in page
    assert "0 due, 3 new today" in page
    assert f'action="{reverse("practice:create")}"' in page

    response = client.post(reverse("practice:create"), {"set": curated.slug, "length": "2"})
    session = PracticeSession.objects.get(user=user)
    assert response["Location"] == session.get_absolute_url()
    assert session.items.count() == 2
    assert session.title == "Warm-up"


def test_with_nothing_due_the_set_page_offers_no_start_and_says_when_the_next_card_is_due(
    client: Client,
) -> None:
    curated = _set(2)
    user = make_user()
    Preferences.objects.create(user=user, new_cards_per_day=20)
    later = timezone.now() + timedelta(days=3)
    for item in curated.items.all():
        Card.objects.create(user=user, question=item.question, due=later, last_review=timezone.now())
    client.force_login(user)
    page = client.get(curated.get_absolute_url()).content.decode()
    assert "Practise this set" not in page
    assert "the next card is due" in page
    assert f'datetime="{timezone.localtime(later).isoformat()}"' in page


def test_the_start_page_offers_no_due_session_when_nothing_is_due(client: Client) -> None:
    user = make_user()
    question = make_questions(1)[0]
    Card.objects.create(user=user, question=question, due=timezone.now() + timedelta(days=5))
    client.force_login(user)
    page = client.get(reverse("practice:start") + "?scope=due").content.decode()
    assert "Due for review (" not in page
    assert 'type="submit" class="button button-primary">Start<' not in page
    assert "Your next card is due" in page

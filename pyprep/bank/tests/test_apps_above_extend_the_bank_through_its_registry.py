"""An app above the bank adds a "Mine" filter, a row badge or a question-page panel by registering it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from pyprep.bank import registry
from pyprep.bank.models import Question

pytestmark = pytest.mark.usefixtures("bank")


@pytest.fixture
def bookmarked() -> Iterator[int]:
    """A made-up app marks one question "bookmarked", with a badge; the registry is restored afterwards."""
    question_id = Question.objects.get(slug="dict-ordering").pk
    marks = dict(registry._marks)
    registry.mark_register(
        registry.QuestionMark(
            key="bookmarked",
            label="Bookmarked",
            ids_for=lambda owner: {question_id},
            badge="🔖 Bookmarked",
            badge_title="You bookmarked this",
            badge_class="tag-bookmarked",
        )
    )
    yield question_id
    registry._marks.clear()
    registry._marks.update(marks)


def test_a_registered_mark_is_a_mine_filter_and_draws_its_badge_on_rows(
    client: Client, bookmarked: int
) -> None:
    client.force_login(get_user_model().objects.create_user("reader", "reader@example.com", "pw-reader-123"))
    response = client.get("/questions/?mine=bookmarked")
    assert [q.pk for q in response.context["page"].object_list] == [bookmarked]
    page = response.content.decode()
    assert '<option value="bookmarked" selected>Bookmarked</option>' in page
    assert 'class="tag tag-bookmarked" title="You bookmarked this">🔖 Bookmarked</span>' in page


def test_an_unregistered_mark_is_refused_with_the_known_ones(client: Client) -> None:
    response = client.get("/questions/?mine=bookmarked")
    assert (
        response.context["filter_error"]
        == "Unknown mine 'bookmarked'. Use one of: starred, noted, seen, unseen."
    )


def test_a_panel_needs_a_known_slot() -> None:
    with pytest.raises(ValueError, match="Unknown panel slot"):
        registry.Panel(key="x", template="x.html", slot="footer")


def test_practice_challenges_and_exports_registered_their_parts_at_start_up() -> None:
    assert list(registry.marks_filterable()) == ["starred", "noted", "seen", "unseen"]
    assert [panel.template for panel in registry.panels(slot="header")] == ["practice/_question_actions.html"]
    assert [panel.template for panel in registry.panels(slot="after_summary")] == [
        "challenges/_question_panel.html"
    ]
    assert [panel.template for panel in registry.panels(slot="results_head")] == [
        "practice/_results_action.html",
        "exports/_results_action.html",
    ]
    assert len(registry.content_sources()) == 1

"""Curating in the admin: the set picker ranks by match, items number themselves, key points get room,
Markdown can be previewed, and staff reach the admin from a question page without touching the page cache."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from pyprep.bank import search
from pyprep.bank.models import CuratedSet, CuratedSetItem, Question
from pyprep.bank.tests.factories import QuestionFactory

pytestmark = pytest.mark.usefixtures("bank")

PICKER = "/admin/autocomplete/?app_label=bank&model_name=curatedsetitem&field_name=question&term="


@pytest.fixture
def staff_client(client: Client) -> Client:
    user = get_user_model().objects.create_superuser("curator", "curator@example.com", "pw-curator-123")
    client.force_login(user)
    return client


def _picked(client: Client, term: str) -> list[str]:
    response = client.get(PICKER + term)
    assert response.status_code == 200, response.content[:500]
    return [row["text"] for row in response.json()["results"]]


def test_the_set_picker_puts_the_exact_title_first_then_titles_that_start_with_it(
    staff_client: Client,
) -> None:
    titles = [
        "Class decorators and decorators with arguments",
        "Compare decorators and context managers",
        "Decorators with state",
        "Decorators",
        "What do decorators return?",
    ]
    made = [QuestionFactory.create(title=title, summary=f"About {title.lower()}.") for title in titles]
    search.index_questions(questions=made)
    picked = _picked(staff_client, "decorators")
    assert picked[:2] == ["Decorators", "Decorators with state"]
    assert set(picked) >= set(titles)  # nothing the substring search found is lost
    assert _picked(staff_client, "Decorators with state")[0] == "Decorators with state"


def test_the_set_picker_also_finds_questions_by_the_banks_search(staff_client: Client) -> None:
    # No title holds "insertion order"; the bank's search finds the question by its answer.
    picked = _picked(staff_client, "dictionaries ordered")
    assert picked[0] == "Are dictionaries ordered in Python?"


def test_the_admins_question_list_search_is_unchanged(staff_client: Client) -> None:
    page = staff_client.get("/admin/bank/question/?q=metaclass").content.decode()
    assert "When would you write a metaclass?" in page
    assert "What is the difference between a list and a tuple?" not in page


def _set_form(curated: CuratedSet, rows: list[dict[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": curated.title,
        "slug": curated.slug,
        "description": curated.description,
        "featured": "on",
        "position": 0,
        "items-TOTAL_FORMS": str(len(rows)),
        "items-INITIAL_FORMS": str(sum(1 for row in rows if row.get("id"))),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"items-{index}-{key}"] = value
    return data


def test_a_new_set_item_left_without_a_position_goes_last_and_saving_numbers_items_1_to_n(
    staff_client: Client,
) -> None:
    curated = CuratedSet.objects.get(slug="starter")
    # Positions as an older admin left them: every one 0.
    CuratedSetItem.objects.filter(curated_set=curated).update(position=0)
    first, second = curated.items.order_by("id")
    added = Question.objects.get(slug="metaclass-basics")
    rows: list[dict[str, Any]] = [
        {"id": first.pk, "position": 0, "question": first.question_id, "curated_set": curated.pk},
        {"id": second.pk, "position": 0, "question": second.question_id, "curated_set": curated.pk},
        {"id": "", "position": "", "question": added.pk, "curated_set": curated.pk},
    ]
    response = staff_client.post(f"/admin/bank/curatedset/{curated.pk}/change/", _set_form(curated, rows))
    assert response.status_code == 302, response.content.decode()[:3000]
    items = list(curated.items.order_by("position"))
    assert [(item.position, item.question.slug) for item in items] == [
        (1, "dict-ordering"),
        (2, "list-vs-tuple"),
        (3, "metaclass-basics"),
    ]


def test_the_empty_row_for_a_new_set_item_offers_no_position_of_0(staff_client: Client) -> None:
    curated = CuratedSet.objects.get(slug="starter")
    page = staff_client.get(f"/admin/bank/curatedset/{curated.pk}/change/").content.decode()
    new_row = re.search(r'<input[^>]*name="items-2-position"[^>]*>', page)
    assert new_row is not None
    assert 'value="0"' not in new_row.group(0)
    assert 'placeholder="next"' in new_row.group(0)


def test_key_points_are_edited_in_multi_line_boxes(staff_client: Client) -> None:
    question = Question.objects.get(slug="getattr-hooks")
    page = staff_client.get(f"/admin/bank/question/{question.pk}/change/").content.decode()
    assert re.search(r'<textarea[^>]*name="key_points-0-text"', page)
    assert "First point about getattr-hooks." in page


def test_the_markdown_preview_renders_and_sanitises_like_the_question_page(staff_client: Client) -> None:
    question = Question.objects.get(slug="getattr-hooks")
    page = staff_client.get(f"/admin/bank/question/{question.pk}/change/").content.decode()
    assert "js/admin_preview.js" in page
    text = "**Bold** and `code`\n\n```python\nprint(1)\n```\n\n<script>alert(1)</script> [x](javascript:alert(1))"
    response = staff_client.post("/admin/bank/question/preview/", {"text": text})
    assert response.status_code == 200
    html = response.json()["html"]
    assert "<strong>Bold</strong>" in html
    assert "<code>code</code>" in html
    assert 'class="highlight"' in html
    assert "<script>" not in html
    assert 'href="javascript' not in html  # shown as text, never a link


def test_the_markdown_preview_is_for_staff_only(client: Client) -> None:
    assert client.post("/admin/bank/question/preview/", {"text": "hi"}).status_code == 302
    client.force_login(get_user_model().objects.create_user("reader", password="a long password 123"))
    response = client.post("/admin/bank/question/preview/", {"text": "hi"})
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_see_edit_in_admin_on_a_question_page_and_the_cached_anonymous_page_never_does(
    staff_client: Client,
) -> None:
    question = Question.objects.get(slug="list-vs-tuple")
    edit = f'href="/admin/bank/question/{question.pk}/change/"'
    # An anonymous visitor fills the page cache first; staff still get their link ...
    assert edit not in Client().get(question.get_absolute_url()).content.decode()
    assert edit in staff_client.get(question.get_absolute_url()).content.decode()
    # ... and the page staff were served is not what the next anonymous visitors get.
    assert edit not in Client().get(question.get_absolute_url()).content.decode()
    other = Question.objects.get(slug="dict-ordering")
    assert "Edit in admin" in staff_client.get(other.get_absolute_url()).content.decode()
    assert "Edit in admin" not in Client().get(other.get_absolute_url()).content.decode()


def test_signed_in_candidates_who_are_not_staff_see_no_edit_link(client: Client) -> None:
    client.force_login(get_user_model().objects.create_user("reader", password="a long password 123"))
    assert "Edit in admin" not in client.get("/questions/list-vs-tuple/").content.decode()

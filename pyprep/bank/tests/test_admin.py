"""The admin panel is for staff only; edits there reach the pages and search at once."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from pyprep.bank.filters import QuestionFilter
from pyprep.bank.models import CuratedSet, Question
from pyprep.bank.selectors import questions_filtered

pytestmark = pytest.mark.usefixtures("bank")


@pytest.fixture
def staff_client(client: Client) -> Client:
    user = get_user_model().objects.create_superuser("curator", "curator@example.com", "pw-curator-123")
    client.force_login(user)
    return client


def test_anonymous_visitors_are_sent_to_the_admin_login(client: Client) -> None:
    response = client.get("/admin/bank/question/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_logged_in_non_staff_user_gets_no_access(client: Client) -> None:
    user = get_user_model().objects.create_user("candidate", "c@example.com", "pw-candidate-123")
    client.force_login(user)
    for url in ["/admin/", "/admin/bank/question/", "/admin/bank/curatedset/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/")


def test_staff_see_questions_with_filters_and_view_on_site(staff_client: Client) -> None:
    page = staff_client.get("/admin/bank/question/?level__exact=senior").content.decode()
    assert "What is the difference between __getattr__ and __getattribute__?" in page
    question = Question.objects.get(slug="getattr-hooks")
    change = staff_client.get(f"/admin/bank/question/{question.pk}/change/").content.decode()
    assert "View on site" in change
    assert "key_points-0-text" in change  # key points are edited inline
    assert "examples-0-code" in change
    assert 'name="asked_as"' in change  # "also asked as" phrasings are editable


def _inline_management(prefix: str, rows: list[dict[str, object]]) -> dict[str, object]:
    data: dict[str, object] = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(sum(1 for row in rows if row.get("id"))),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def test_editing_a_question_in_the_admin_updates_the_page_and_search(staff_client: Client) -> None:
    question = Question.objects.get(slug="dict-ordering")
    data: dict[str, object] = {
        "title": "Do Python dictionaries remember insertion order, and since when?",
        "asked_as": "Are zebra mappings ordered?\nDo dicts keep order?\ndict order guarantee",
        "slug": question.slug,
        "level": "mid",
        "kind": "concept",
        "status": "published",
        "topics": [t.pk for t in question.topics.all()],
        "summary": "Yes, since 3.7 the language guarantees it.",
        "answer": "Answer text about the compact dict.",
        "related": [],
    }
    data.update(
        _inline_management(
            "key_points",
            [
                {"id": kp.pk, "position": kp.position, "text": kp.text, "question": question.pk}
                for kp in question.key_points.all()
            ]
            + [
                {
                    "position": 9,
                    "text": "The compact dict layout arrived in CPython 3.6.",
                    "question": question.pk,
                }
            ],
        )
    )
    data.update(
        _inline_management(
            "examples",
            [
                {
                    "id": e.pk,
                    "position": e.position,
                    "title": e.title,
                    "code": e.code,
                    "output": e.output,
                    "question": question.pk,
                }
                for e in question.examples.all()
            ],
        )
    )
    data.update(_inline_management("misconceptions", []))
    data.update(
        _inline_management(
            "follow_ups",
            [
                {"id": f.pk, "position": f.position, "text": f.text, "question": question.pk}
                for f in question.follow_ups.all()
            ],
        )
    )
    response = staff_client.post(f"/admin/bank/question/{question.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = staff_client.get("/questions/dict-ordering/").content.decode()
    assert "Do Python dictionaries remember insertion order, and since when?" in page
    assert "The compact dict layout arrived in CPython 3.6." in page
    found = [q.slug for q in questions_filtered(qfilter=QuestionFilter(q="compact layout"))]
    assert found[0] == "dict-ordering"
    found = [q.slug for q in questions_filtered(qfilter=QuestionFilter(q="zebra mappings"))]
    assert found[0] == "dict-ordering"  # "also asked as" phrasings edited in the admin are searched at once


def test_staff_can_feature_a_curated_set_and_reorder_its_items(staff_client: Client) -> None:
    curated = CuratedSet.objects.get(slug="starter")
    items = list(curated.items.all())
    data: dict[str, object] = {
        "title": curated.title,
        "slug": curated.slug,
        "description": curated.description,
        "featured": "",
        "position": 0,
    }
    data.update(
        _inline_management(
            "items",
            [
                {
                    "id": items[0].pk,
                    "position": 2,
                    "question": items[0].question_id,
                    "curated_set": curated.pk,
                },
                {
                    "id": items[1].pk,
                    "position": 1,
                    "question": items[1].question_id,
                    "curated_set": curated.pk,
                },
            ],
        )
    )
    response = staff_client.post(f"/admin/bank/curatedset/{curated.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    curated.refresh_from_db()
    assert not curated.featured
    assert [item.question.slug for item in curated.items.all()] == ["list-vs-tuple", "dict-ordering"]

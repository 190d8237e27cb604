"""The JSON API: filtered, ranked lists and whole questions; bad input is a 400 with a message."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.usefixtures("bank")


def test_the_list_returns_count_and_summaries(client: Client) -> None:
    data = client.get("/api/questions?level=senior").json()
    assert data["count"] == 1
    assert data["results"] == [
        {
            "slug": "getattr-hooks",
            "title": "What is the difference between __getattr__ and __getattribute__?",
            "level": "senior",
            "topics": ["objects"],
            "kind": "concept",
            "url": "http://testserver/questions/getattr-hooks/",
            "quick_summary": "Summary of getattr-hooks in one sentence.",
        }
    ]


def test_results_are_ranked_by_relevance_when_searching(client: Client) -> None:
    data = client.get("/api/questions", {"q": "difference between __getattr__ and __getattribute__"}).json()
    assert data["results"][0]["slug"] == "getattr-hooks"


def test_a_searched_result_shows_the_same_summary_as_the_list_does(client: Client) -> None:
    listed = client.get("/api/questions").json()
    assert listed["pages"] == 1
    by_slug = {row["slug"]: row for row in listed["results"]}
    searched = client.get("/api/questions", {"q": "getattr objects async tuple"}).json()
    assert searched["count"] == len(searched["results"]) > 1
    for row in searched["results"]:
        assert row == by_slug[row["slug"]]


def test_filters_combine_in_the_api(client: Client) -> None:
    data = client.get("/api/questions?topic=core&kind=challenge").json()
    assert [r["slug"] for r in data["results"]] == ["fizzbuzz-challenge"]
    data = client.get("/api/questions?level=entry,expert").json()
    assert data["count"] == 2


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("level=guru", "Unknown level 'guru'. Use one of: entry, junior, mid, senior, expert."),
        ("topic=cooking", "Unknown topic 'cooking'. Use one of: core, objects, async."),
        ("kind=essay", "Unknown kind 'essay'. Use one of: concept, challenge."),
        ("page=two", "page must be a whole number starting at 1."),
    ],
)
def test_unknown_filter_values_are_a_400_with_a_clear_message(
    client: Client, query: str, message: str
) -> None:
    response = client.get(f"/api/questions?{query}")
    assert response.status_code == 400
    assert response.json() == {"error": message}


def test_a_page_past_the_end_is_a_404(client: Client) -> None:
    response = client.get("/api/questions?page=9")
    assert response.status_code == 404
    assert "out of range" in response.json()["error"]


def test_the_detail_returns_the_whole_question(client: Client) -> None:
    data = client.get("/api/questions/getattr-hooks").json()
    assert data["level_band"] == "5–10 years"
    assert data["key_points"] == [
        "First point about getattr-hooks.",
        "Second point about getattr-hooks.",
        "Third point about getattr-hooks.",
    ]
    assert data["examples"] == [
        {
            "title": "Printing a sum",
            "code": "print(sum([1, 2, 3]))\n",
            "output": "6\n",
            "outputs": [{"versions": "3.10 · 3.11 · 3.12 · 3.13", "output": "6\n"}],
            "min_version": None,
            "verified_on": [],  # not run since it was loaded
        }
    ]
    assert data["verified_on"] == []
    assert data["follow_ups"] == ["What comes after getattr-hooks?"]
    assert "Answer body for getattr-hooks" in data["answer"]


def test_an_unknown_slug_is_a_404_in_json(client: Client) -> None:
    response = client.get("/api/questions/nope")
    assert response.status_code == 404
    assert response.json() == {"error": "No published question with slug 'nope'."}


@pytest.mark.django_db
def test_search_summaries_keep_the_order_given_and_list_topics_in_their_own_order() -> None:
    from pyprep.bank.selectors import question_summaries
    from pyprep.bank.tests.factories import QuestionFactory, TopicFactory

    later = TopicFactory.create(slug="zz-first-by-position", position=0)
    earlier = TopicFactory.create(slug="aa-second-by-position", position=5)
    both = QuestionFactory.create(topics=[earlier, later])
    none = QuestionFactory.create()
    none.topics.clear()

    rows = question_summaries(ids=[none.pk, 999_999, both.pk])

    assert [row.pk for row in rows] == [none.pk, both.pk]  # the unknown id is left out
    assert rows[0].topics == ()
    assert rows[1].topics == ("zz-first-by-position", "aa-second-by-position")
    assert (rows[1].slug, rows[1].title, rows[1].summary) == (both.slug, both.title, both.summary)

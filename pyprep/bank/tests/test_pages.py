"""The pages a candidate uses: home, filtered list, question page, curated sets."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from pyprep.bank.models import Question

pytestmark = pytest.mark.usefixtures("bank")


def titles(response: object) -> list[str]:
    return [q.title for q in response.context["page"].object_list]  # type: ignore[attr-defined]


def test_home_shows_counts_per_level_and_topic_and_featured_sets(client: Client) -> None:
    response = client.get("/")
    counts = response.context["counts"]
    assert counts.total == 6
    assert [(value, n) for value, _, _, n in counts.by_level] == [
        ("entry", 1), ("junior", 2), ("mid", 1), ("senior", 1), ("expert", 1)
    ]  # fmt: skip
    assert [(t.slug, n) for t, n in counts.by_topic] == [("core", 4), ("objects", 2), ("async", 0)]
    page = response.content.decode()
    assert "Starter set" in page
    assert "3–5 years" in page


def test_several_levels_can_be_selected_at_once(client: Client) -> None:
    response = client.get("/questions/?level=entry&level=expert")
    assert titles(response) == [
        "What is the difference between a list and a tuple?",
        "When would you write a metaclass?",
    ]


def test_filters_combine_level_topic_and_challenges(client: Client) -> None:
    assert titles(client.get("/questions/?level=junior&topic=core")) == [
        "Why are mutable default arguments dangerous?",
        "Write FizzBuzz as a generator",
    ]
    assert titles(client.get("/questions/?level=junior&topic=core&kind=challenge")) == [
        "Write FizzBuzz as a generator"
    ]


def test_search_and_filters_combine(client: Client) -> None:
    assert titles(client.get("/questions/?q=metaclass&level=expert")) == ["When would you write a metaclass?"]
    assert titles(client.get("/questions/?q=metaclass&level=entry")) == []


def test_an_empty_result_says_what_to_change(client: Client) -> None:
    page = client.get("/questions/?topic=async").content.decode()
    assert "No questions match" in page
    assert "Select more levels or another topic" in page
    assert "Clear all filters" in page


def test_an_unknown_filter_value_is_explained_not_a_server_error(client: Client) -> None:
    response = client.get("/questions/?level=guru")
    assert response.status_code == 200
    assert "Unknown level &#x27;guru&#x27;" in response.content.decode()


def test_the_list_is_paginated_and_pages_keep_the_filter(client: Client, settings: object) -> None:
    settings.PYPREP_QUESTIONS_PER_PAGE = 2  # type: ignore[attr-defined]
    first = client.get("/questions/?topic=core")
    assert first.context["page"].paginator.num_pages == 2
    assert "?topic=core&amp;page=2" in first.content.decode()
    assert len(titles(client.get("/questions/?topic=core&page=2"))) == 2


def test_htmx_requests_get_only_the_results_fragment(client: Client) -> None:
    response = client.get("/questions/?level=mid", headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "<html" not in page
    assert "Are dictionaries ordered in Python?" in page


def test_question_page_shows_everything_with_highlighted_examples(client: Client) -> None:
    page = client.get("/questions/getattr-hooks/").content.decode()
    assert "What is the difference between __getattr__ and __getattribute__?" in page
    assert "Senior · 5–10 years" in page
    assert "Summary of getattr-hooks" in page
    assert '<span class="nb">print</span>' in page  # Pygments-highlighted example
    assert "<samp>6\n</samp>" in page
    assert "Show what an interviewer listens for" in page
    assert "First point about getattr-hooks." in page
    assert "What comes after getattr-hooks?" in page


def test_previous_and_next_follow_the_filter_the_reader_came_from(client: Client) -> None:
    response = client.get("/questions/mutable-defaults/?topic=core")
    neighbours = response.context["neighbours"]
    assert (neighbours.position, neighbours.total) == (2, 4)
    assert neighbours.previous.slug == "list-vs-tuple"
    assert neighbours.next.slug == "fizzbuzz-challenge"
    assert 'href="/questions/fizzbuzz-challenge/?topic=core"' in response.content.decode()


def test_archived_and_unknown_questions_are_not_found(client: Client) -> None:
    Question.objects.filter(slug="dict-ordering").update(status="archived")
    assert client.get("/questions/dict-ordering/").status_code == 404
    assert client.get("/questions/no-such-question/").status_code == 404


def test_a_curated_set_lists_its_questions_in_order(client: Client) -> None:
    response = client.get("/sets/starter/")
    assert [q.slug for q in response.context["questions"]] == ["dict-ordering", "list-vs-tuple"]
    assert client.get("/sets/").status_code == 200
    assert client.get("/sets/nope/").status_code == 404


def test_a_question_page_links_its_further_reading_and_says_when_it_was_reviewed(client: Client) -> None:
    question = Question.objects.get(slug="list-vs-tuple")
    question.docs = [
        "https://docs.python.org/3/tutorial/datastructures.html",
        "https://peps.python.org/pep-0008/",
    ]
    question.reviewed_on = datetime.date(2026, 12, 1)
    question.save()
    page = client.get(question.get_absolute_url()).content.decode()
    assert '<a href="https://peps.python.org/pep-0008/" rel="noopener">PEP 8</a>' in page
    assert "Python docs: datastructures" in page
    assert 'Reviewed <time datetime="2026-12-01">1 Dec 2026</time>' in page

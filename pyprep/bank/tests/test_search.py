"""Search ranks the question a person means first, and follows edits at once (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import pytest
from django.test import Client

from pyprep.bank import search
from pyprep.bank.filters import QuestionFilter
from pyprep.bank.models import Question, Topic
from pyprep.bank.search import query_terms
from pyprep.bank.selectors import best_match_outside_filters, question_summaries, questions_filtered
from pyprep.bank.services import question_after_admin_save

pytestmark = pytest.mark.usefixtures("bank")


def top(q: str) -> list[str]:
    return [question.slug for question in questions_filtered(qfilter=QuestionFilter(q=q))]


def test_stopwords_and_punctuation_are_dropped_from_queries() -> None:
    assert query_terms("What is the difference between __getattr__ and __getattribute__?") == [
        "getattr",
        "getattribute",
    ]
    assert query_terms("what is") == ["what", "is"]


def test_a_natural_question_puts_the_matching_question_first() -> None:
    assert top("What is the difference between __getattr__ and __getattribute__?")[0] == "getattr-hooks"
    assert top("are dicts ordered?")[0] == "dict-ordering"
    assert top("why is a mutable default argument dangerous")[0] == "mutable-defaults"


def test_stemming_matches_other_forms_of_a_word() -> None:
    assert top("metaclasses")[0] == "metaclass-basics"
    assert top("ordering of dictionary")[0] == "dict-ordering"


def test_words_in_key_points_and_answers_are_found_too() -> None:
    assert top("insertion order guaranteed")[0] == "dict-ordering"


def test_a_query_with_no_match_returns_nothing() -> None:
    assert top("kubernetes helm charts") == []


def test_an_edit_saved_through_the_admin_service_is_searchable_at_once() -> None:
    question = Question.objects.get(slug="list-vs-tuple")
    question.title = "What is the difference between a list and a zeppelin?"
    question.save()
    question_after_admin_save(question=question)
    assert top("zeppelin") == ["list-vs-tuple"]


def test_only_published_questions_are_found(client: Client) -> None:
    Question.objects.filter(slug="metaclass-basics").update(status="draft")
    assert top("metaclass") == []


def test_the_database_engine_is_the_one_the_environment_asks_for() -> None:
    import os

    from django.db import connection

    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_a_phrasing_from_asked_as_finds_its_question_and_follows_admin_edits() -> None:
    assert top("zebra crossing") == []
    question = Question.objects.get(slug="dict-ordering")
    question.asked_as = "Do dicts keep zebra crossing order?\nordered mapping"
    question.save()
    question_after_admin_save(question=question)
    assert top("zebra crossing")[0] == "dict-ordering"


def test_a_typo_finds_the_question_the_bank_words_it_for() -> None:
    assert top("metclass")[0] == "metaclass-basics"
    assert top("what is __getatribute__")[0] == "getattr-hooks"


def test_lexical_search_hands_back_at_most_the_top_k_not_the_whole_ranking(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search, "LEXICAL_K", 2)
    monkeypatch.setattr(search, "RESULT_LIMIT", 2)
    result = search.search("what is the difference between a list a tuple dictionaries ordered", limit=2)
    assert len(result.lexical) == 2
    assert len(result.ids) == 2


def test_filters_rank_within_themselves_and_name_the_best_match_they_hide() -> None:
    hidden = QuestionFilter(q="__getattribute__", levels=("entry",))
    assert best_match_outside_filters(qfilter=hidden).slug == "getattr-hooks"  # type: ignore[union-attr]
    assert "getattr-hooks" not in [q.slug for q in questions_filtered(qfilter=hidden)]
    shown = QuestionFilter(q="__getattribute__", levels=("senior",))
    assert best_match_outside_filters(qfilter=shown) is None
    assert [q.slug for q in questions_filtered(qfilter=shown)] == ["getattr-hooks"]


def test_a_question_deleted_in_the_admin_leaves_nothing_in_the_index() -> None:
    question = Question.objects.get(slug="metaclass-basics")
    deleted_pk = question.pk
    question.delete()
    assert deleted_pk not in search.search("metaclass").lexical


def test_search_reindex_rebuilds_vectors_deleted_by_hand() -> None:
    from io import StringIO

    from django.core.management import call_command

    from pyprep.bank.models import QuestionEmbedding

    QuestionEmbedding.objects.all().delete()
    assert search.search("metaclass").dense == []
    out = StringIO()
    call_command("search_reindex", stdout=out)
    assert "rebuilt for" in out.getvalue()
    result = search.search("metaclass")
    assert result.dense
    assert result.ids[0] == Question.objects.get(slug="metaclass-basics").pk


def test_a_question_taken_back_to_draft_leaves_search_at_once() -> None:
    assert top("metaclass")[0] == "metaclass-basics"
    question = Question.objects.get(slug="metaclass-basics")
    question.status = "draft"
    question.save(update_fields=["status"])
    assert "metaclass-basics" not in top("metaclass")
    question.status = "published"
    question.save(update_fields=["status"])
    assert top("metaclass")[0] == "metaclass-basics"


def test_a_status_written_behind_the_sites_back_is_respected_once_the_bank_stamp_moves() -> None:
    """A raw UPDATE sends no signal: like every cached page, search follows it when the stamp moves."""
    from pyprep.bank.pagecache import bank_changed

    assert top("metaclass")[0] == "metaclass-basics"
    Question.objects.filter(slug="metaclass-basics").update(status="draft")
    bank_changed()
    assert "metaclass-basics" not in top("metaclass")


def test_an_output_puzzle_yields_to_the_explanation_unless_the_query_asks_about_output() -> None:
    puzzle = Question.objects.get(slug="list-vs-tuple")
    puzzle.title = "Predict the output: a metaclass that counts the classes it creates"
    puzzle.asked_as = "What does this metaclass print?\nmetaclass counting classes"
    puzzle.save()
    question_after_admin_save(question=puzzle)
    assert top("what does a metaclass do")[:2] == ["metaclass-basics", "list-vs-tuple"]
    assert top("predict the output of a metaclass that counts classes")[0] == "list-vs-tuple"


def test_a_coding_challenge_yields_to_the_explanation_unless_the_query_asks_to_build_something() -> None:
    challenge = Question.objects.get(slug="list-vs-tuple")
    challenge.title = "Build a metaclass that registers every class it creates"
    challenge.asked_as = "metaclass registry\nwhat does a registering metaclass do"
    challenge.kind = "challenge"
    challenge.save()
    question_after_admin_save(question=challenge)
    assert top("what does a metaclass do")[:2] == ["metaclass-basics", "list-vs-tuple"]
    assert top("how would you implement a metaclass registry")[0] == "list-vs-tuple"


def test_a_search_asks_the_database_nothing_while_the_bank_stands_still(
    django_assert_num_queries: object,
) -> None:
    search.search("metaclass")
    with django_assert_num_queries(0):  # type: ignore[operator]
        result = search.search("metaclass")  # vectors, documents and what is published are all in memory
    assert result.ids[0] == Question.objects.get(slug="metaclass-basics").pk


def test_a_page_of_results_is_summarised_from_memory_and_follows_every_write_to_the_bank(
    django_assert_num_queries: object,
) -> None:

    ids = search.search("metaclass").ids
    with django_assert_num_queries(0):  # type: ignore[operator]
        rows = question_summaries(ids=ids)
    assert [row.pk for row in rows] == ids
    question = Question.objects.get(pk=ids[0])
    question.title = "What does a metaclass really do?"
    question.save()
    question.topics.set([Topic.objects.create(slug="meta", name="Meta")])
    row = question_summaries(ids=[question.pk])[0]
    assert (row.title, row.topics) == ("What does a metaclass really do?", ("meta",))
    question.status = "draft"
    question.save()
    # Not published any more: read from the database, as any id search does not hold.
    assert question_summaries(ids=[question.pk])[0].title == "What does a metaclass really do?"


def test_vectors_written_by_the_indexer_are_searched_at_once() -> None:
    search.search("metaclass")
    question = Question.objects.get(slug="list-vs-tuple")
    Question.objects.filter(pk=question.pk).update(title="What is a zeppelin in Python?")  # no signal sent
    question.refresh_from_db()
    search.index_questions(questions=[question])
    assert search.search("zeppelin").ids == [question.pk]

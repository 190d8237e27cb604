"""The published bank meets the bar set for it: coverage per level, sizes, key points, links, examples."""

from __future__ import annotations

from collections import Counter

from pyprep.bank.content import QuestionSpec
from tests.bank.bankdata import bank

LEVELS = ("entry", "junior", "mid", "senior", "expert")


def published() -> list[QuestionSpec]:
    return [q for q in bank().questions if q.status == "published"]


def test_the_bank_has_at_least_300_published_concept_questions() -> None:
    assert len([q for q in published() if q.kind == "concept"]) >= 300


def test_every_published_question_links_the_docs_or_pep_it_rests_on() -> None:
    assert [q.slug for q in published() if q.kind == "concept" and not q.docs] == []


def test_at_least_20_questions_ask_to_predict_the_output_and_each_shows_a_verified_example() -> None:
    predict = [q for q in published() if q.title.startswith(("Predict the output:", "What does this print?"))]
    assert len(predict) >= 20, [q.title for q in predict]
    assert [q.slug for q in predict if not q.examples] == []


def test_every_level_has_at_least_20_and_senior_plus_expert_at_least_90() -> None:
    counts = Counter(q.level for q in published())
    assert all(counts[level] >= 20 for level in LEVELS), counts
    assert counts["senior"] + counts["expert"] >= 90, counts


def test_titles_and_slugs_are_unique() -> None:
    titles = Counter(q.title.lower().rstrip("?") for q in bank().questions)
    assert [t for t, n in titles.items() if n > 1] == []
    slugs = Counter(q.slug for q in bank().questions)
    assert [s for s, n in slugs.items() if n > 1] == []


def test_every_related_slug_and_topic_exists() -> None:
    slugs = {q.slug for q in bank().questions}
    topics = {t.slug for t in bank().topics}
    assert [(q.slug, r) for q in bank().questions for r in q.related if r not in slugs] == []
    assert [(q.slug, t) for q in bank().questions for t in q.topics if t not in topics] == []


def test_every_topic_has_questions() -> None:
    used = Counter(t for q in published() for t in q.topics)
    assert [t.slug for t in bank().topics if used[t.slug] < 3] == []


def test_answers_are_120_to_600_words() -> None:
    wrong = [(q.slug, len(q.answer.split())) for q in published() if not 120 <= len(q.answer.split()) <= 600]
    assert wrong == []


def test_summaries_are_one_to_three_sentences() -> None:
    wrong = [q.slug for q in published() if not q.summary or len(q.summary.split()) > 90]
    assert wrong == []


def test_each_question_has_three_to_six_key_points_and_one_to_three_follow_ups() -> None:
    assert [(q.slug, len(q.key_points)) for q in published() if not 3 <= len(q.key_points) <= 6] == []
    concept = [q for q in published() if q.kind == "concept"]
    assert [(q.slug, len(q.follow_ups)) for q in concept if not 1 <= len(q.follow_ups) <= 3] == []


def test_at_least_150_questions_have_a_runnable_example() -> None:
    assert sum(1 for q in published() if q.examples) >= 150


def test_examples_show_no_memory_addresses() -> None:
    offenders = [(q.slug, e.line) for q in published() for e in q.examples if " at 0x" in e.output]
    assert offenders == []


def test_every_question_and_challenge_has_three_to_six_asked_as_phrasings() -> None:
    bad = [(q.slug, len(q.asked_as)) for q in bank().questions if not 3 <= len(q.asked_as) <= 6]
    assert bad == []

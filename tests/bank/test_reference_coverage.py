"""Every question the reference articles ask is answered by a bank question."""

from __future__ import annotations

import os

import pytest

from tests.bank.bankdata import SHARED, bank, load_yaml_dir, reference_questions, words

pytestmark = pytest.mark.skipif(
    not (SHARED / "reference-articles").is_dir() and os.environ.get("CI") != "true",
    reason="../shared/reference-articles is not beside this checkout (CI always has it)",
)


def best_entry(
    article: str, question: str, entries: list[dict[str, str]]
) -> tuple[float, dict[str, str] | None]:
    want = words(question)
    best: tuple[tuple[float, float], dict[str, str] | None] = ((0.0, 0.0), None)
    for entry in entries:
        if entry["article"] != article:
            continue
        have = words(entry["question"])
        shared = len(want & have)
        # Overlap coefficient, so a shortened wording still matches fully; Jaccard breaks ties, so
        # "difference between SOAP and REST" beats another "difference between" entry.
        score = (shared / max(1, min(len(want), len(have))), shared / max(1, len(want | have)))
        if score > best[0]:
            best = (score, entry)
    return best[0][0], best[1]


def test_the_articles_yield_their_questions() -> None:
    found = reference_questions()
    assert len(found) >= 150
    assert ("003", "How do Python weak references help manage memory?") in found


def test_every_reference_question_maps_to_a_published_bank_question() -> None:
    entries = load_yaml_dir("reference_coverage")
    published = {q.slug for q in bank().questions if q.status == "published"}
    uncovered = []
    for article, question in reference_questions():
        score, entry = best_entry(article, question, entries)
        if entry is None or score < 0.6 or entry["slug"] not in published:
            uncovered.append(f"{article}: {question} (closest: {entry and entry['question']!r} {score:.2f})")
    assert uncovered == []

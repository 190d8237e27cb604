"""Search puts the right question in the top 3 for real interview phrasings (measured on the real bank)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from django.db import connection

from pyprep.bank.filters import QuestionFilter
from pyprep.bank.models import CuratedSet, Question, Topic
from pyprep.bank.selectors import questions_filtered
from pyprep.bank.services import content_load
from pyprep.challenges.spec import ChallengeSpec
from pyprep.challenges.validation import Validated
from tests.bank.bankdata import CONTENT, bank, load_yaml_dir

# Measured 371/372 (99.7%) top-3 with hybrid search and asked_as; the threshold sits just under it.
# Just under what each engine measured on this set: SQLite 371/372, PostgreSQL 365/372.
TARGET = {"sqlite": 0.99, "postgresql": 0.975}


def _unjudged(specs: Iterable[ChallengeSpec], runner: object) -> tuple[dict[str, Validated], list[object]]:
    """Challenges loaded without running them in the judge: ranking reads their text, never their expected
    observations. (`make mutation` validates every challenge in the sandbox; doing it again here cost most of
    this module's time.)"""
    return {spec.slug: Validated(spec.slug, {"not judged": "search test"}) for spec in specs}, []


@pytest.fixture(scope="module")
def loaded_bank(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> Iterator[None]:
    """The real bank, loaded once for the module (outside any test's transaction), removed afterwards so that
    tests running later in the same database start from an empty bank."""
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:  # type: ignore[attr-defined]
        patch.setattr("pyprep.challenges.content.validate_all", _unjudged)
        result = content_load(root=CONTENT)
        assert result.errors == []
    yield
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        CuratedSet.objects.all().delete()
        Question.objects.all().delete()  # key points, examples, challenges and vectors go with them
        Topic.objects.all().delete()


def test_the_evaluation_set_has_at_least_100_queries_on_existing_questions() -> None:
    entries = load_yaml_dir("search_eval")
    slugs = {q.slug for q in bank().questions}
    assert len(entries) >= 100
    assert [e for e in entries if e["slug"] not in slugs] == []


@pytest.mark.django_db
def test_the_right_question_is_in_the_top_3_for_at_least_95_percent(loaded_bank: None) -> None:
    entries = load_yaml_dir("search_eval")
    misses: list[str] = []
    for entry in entries:
        top3 = list(
            questions_filtered(qfilter=QuestionFilter(q=entry["q"])).values_list("slug", flat=True)[:3]
        )
        if entry["slug"] not in top3:
            misses.append(f"{entry['q']!r} -> want {entry['slug']}, got {top3}")
    hit_rate = 1 - len(misses) / len(entries)
    print(f"search top-3: {len(entries) - len(misses)}/{len(entries)} = {hit_rate:.1%}")
    assert hit_rate >= TARGET[connection.vendor], "\n".join(misses)


ISSUE_QUERIES = [
    ("What is the purpose of asyncio in Python?", "asyncio-event-loop"),
    (
        "What are data classes in Python, and how do they simplify the creation of simple classes for storing data?",
        "dataclasses-explained",
    ),
    ("What are Python Decorators? Provide an example.", "decorators"),
    ("What is the difference between `__call__` and `__init__`?", "calling-a-class"),
    ("What is the purpose of `__import__`?", "importlib-reload-lazy-imports"),
    ("Describe the purpose and usage of the collections module", "collections-module"),
    ("asyncoi", "asyncio-event-loop"),
    ("decoratr", "decorators"),
    ("metclass", "metaclasses-explained"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("q", "slug"), ISSUE_QUERIES)
def test_the_subject_not_the_filler_or_a_typo_decides_the_top_3(loaded_bank: None, q: str, slug: str) -> None:
    top3 = list(questions_filtered(qfilter=QuestionFilter(q=q)).values_list("slug", flat=True)[:3])
    assert slug in top3

"""Ranked full-text search: SQLite FTS5 with bm25 on the embedded default, PostgreSQL full-text otherwise."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import connection

if TYPE_CHECKING:
    from pyprep.bank.models import Question

FTS_TABLE = "bank_question_fts"
# Column weights for bm25: a hit in the title counts most, then summary and key points, topics, answer.
FTS_WEIGHTS = (10.0, 4.0, 3.0, 1.0, 2.0)

WORD_RE = re.compile(r"[a-z0-9]+")
# Words that carry no meaning in an interview question; everything else is matched with OR and ranked.
STOPWORDS = frozenset(
    """a about an and are as at be between by can could de did do does doing for from give how i if in into is it
    its me my of on or python python's pythons should so than that the their them then there these this those to
    use used using vs versus was we what whats when where which while who why will with would you your explain
    describe difference differences tell work works""".split()
)


# Operators people type in questions ("is vs ==") name concepts the answers spell out in words.
SYMBOLS = {
    "==": " equality ",
    "!=": " equality ",
    ":=": " walrus assignment expression ",
    "**": " kwargs ",
    "->": " return annotation ",
    "//": " floor division ",
    "@": " decorator ",
    "*": " args ",
}
SYMBOL_RE = re.compile("|".join(re.escape(symbol) for symbol in SYMBOLS))


def query_terms(text: str) -> list[str]:
    """Meaningful lower-case words of a query, in order, without repeats."""
    seen: dict[str, None] = {}
    text = SYMBOL_RE.sub(lambda match: SYMBOLS[match.group(0)], text)
    for word in WORD_RE.findall(text.lower().replace("_", " ")):
        if word not in STOPWORDS and (len(word) > 1 or word.isdigit()):
            seen.setdefault(word, None)
    if not seen:  # a query made only of stopwords ("what is is") still deserves results
        for word in WORD_RE.findall(text.lower()):
            seen.setdefault(word, None)
    return list(seen)


def is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def document_for(question: Question) -> dict[str, str]:
    return {
        "title": question.title,
        "summary": question.summary,
        "key_points": "\n".join(question.key_points.values_list("text", flat=True)),
        "answer": question.answer,
        "topics": " ".join(f"{t.slug} {t.name}" for t in question.topics.all()),
    }


def index_questions(*, questions: Iterable[Question]) -> None:
    """Bring the search index up to date for these questions (whatever their status)."""
    from pyprep.bank.models import Question as QuestionModel

    for question in questions:
        doc = document_for(question)
        text = "\n".join(doc.values())
        QuestionModel.objects.filter(pk=question.pk).update(search_document=text)
        if is_sqlite():
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [question.pk])  # noqa: S608
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE} (rowid, title, summary, key_points, answer, topics) "  # noqa: S608
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    [
                        question.pk,
                        doc["title"],
                        doc["summary"],
                        doc["key_points"],
                        doc["answer"],
                        doc["topics"],
                    ],
                )


def ranked_ids(text: str) -> list[int]:
    """Question ids matching the query, best first."""
    terms = query_terms(text)
    if not terms:
        return []
    if is_sqlite():
        match = " OR ".join(f'"{term}"' for term in terms)
        weights = ", ".join(str(w) for w in FTS_WEIGHTS)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
                f"ORDER BY bm25({FTS_TABLE}, {weights}), rowid",
                [match],
            )
            ids = [row[0] for row in cursor.fetchall()]
    else:
        ids = _postgres_ranked_ids(terms)
    return ids


def _postgres_ranked_ids(terms: list[str]) -> list[int]:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
    from django.db.models import F

    from pyprep.bank.models import Question as QuestionModel

    vector = (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("search_document", weight="C", config="english")
    )
    # Terms are plain [a-z0-9]+ words, so joining them into a raw tsquery is safe.
    query = SearchQuery(" | ".join(terms), search_type="raw", config="english")
    rows = (
        QuestionModel.objects.annotate(rank=SearchRank(vector, query))
        .filter(rank__gt=0)
        .order_by(F("rank").desc(), "pk")
        .values_list("pk", flat=True)
    )
    return list(rows)

"""Hybrid search: a lexical top-k (FTS5's bm25, scored in memory by lexical.py) fused with a dense top-k from
static embeddings held in memory. Both indexes, and the set of published questions, are built from the
database's rows and follow them when the bank's version stamp moves (every write to the bank moves it); the
database is asked which candidates a visitor may see only when a search is narrowed by filters. The published
questions' summaries (what a list of results shows) are held beside them, so a search's page of results is
answered from memory too."""

from __future__ import annotations

import sys
import threading
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import numpy as np
from django.db import connection
from django.db.models import Count, Max, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from pyprep.bank import dense, lexical
from pyprep.bank.pagecache import bank_changed_on_commit, bank_version
from pyprep.bank.query import ParsedQuery, Vocabulary, dunder_tokens, parse_query, query_terms

if TYPE_CHECKING:
    from pyprep.bank.models import Question

__all__ = [
    "QuestionSummary",
    "SearchResult",
    "index_questions",
    "index_rebuild",
    "published_summaries",
    "query_terms",
    "ranked_ids",
    "search",
]

PUBLISHED = "published"
FTS_COLUMNS = ("title", "asked_as", "summary", "key_points", "answer", "topics")
# Column weights for bm25: the title and the ways it is also asked count most, then summary and key points,
# topics. The answer still makes a question match, but ranking on its words made results worse on both
# evaluation sets (long answers mention many subjects in passing).
FTS_WEIGHTS = (10.0, 10.0, 4.0, 3.0, 0.0, 2.0)

LEXICAL_K = 50
DENSE_K = 50
RESULT_LIMIT = 50
# Fusion: a convex combination of min-max normalised lexical and dense scores (FUSION = "score"); reciprocal
# rank fusion (FUSION = "rrf": weight / (RRF_K + rank)) is kept for comparison. Tuned on the dev half.
RRF_K = 10
LEXICAL_WEIGHT = 1.0
DENSE_WEIGHT = 0.75
# Below this cosine similarity a dense neighbour is noise: it may reorder, never add, results.
DENSE_FLOOR = 0.55


def is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def document_for(question: Question) -> dict[str, str]:
    return {
        "title": question.title,
        "asked_as": question.asked_as,
        "summary": question.summary,
        "key_points": "\n".join(question.key_points.values_list("text", flat=True)),
        "answer": question.answer,
        "topics": " ".join(f"{t.slug} {t.name}" for t in question.topics.all()),
    }


def asked_as_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def lexical_document(doc: dict[str, str]) -> dict[str, str]:
    """The text each index column holds: the document, plus one whole token per dunder name it mentions."""
    out = {}
    for column, text in doc.items():
        tokens = dunder_tokens(text)
        out[column] = f"{text}\n{' '.join(tokens)}" if tokens else text
    return out


def index_questions(*, questions: Iterable[Question]) -> None:
    """Bring the lexical and dense indexes up to date for these questions (whatever their status).

    The loader also passes the questions that have no vector yet (stored before dense search existed).
    """
    from pyprep.bank.models import Question as QuestionModel
    from pyprep.bank.models import QuestionEmbedding

    todo = {question.pk: question for question in questions}
    if not todo:
        return
    embedder = dense.embedder_get()
    now = timezone.now()
    embeddings: list[QuestionEmbedding] = []
    for question in todo.values():
        doc = document_for(question)
        QuestionModel.objects.filter(pk=question.pk).update(search_document="\n".join(doc.values()))
        vector = embedder.embed_question(
            title=question.title, asked_as=asked_as_lines(question.asked_as), summary=question.summary
        )
        embeddings.append(QuestionEmbedding(question=question, vector=vector.tobytes(), updated_at=now))
    QuestionEmbedding.objects.bulk_create(
        embeddings,
        update_conflicts=True,
        unique_fields=["question"],
        update_fields=["vector", "updated_at"],
    )
    # Searches in every process check this stamp before they look at the vectors (see _dense_state).
    bank_changed_on_commit()


def index_rebuild() -> int:
    """Re-index every question; used after migrations or a restore."""
    from pyprep.bank.models import Question as QuestionModel

    questions = list(QuestionModel.objects.prefetch_related("topics", "key_points"))
    index_questions(questions=questions)
    return len(questions)


@dataclass(frozen=True, slots=True)
class QuestionSummary:
    """What a list of results shows of a question (the JSON API's summary)."""

    pk: int
    slug: str
    title: str
    level: str
    kind: str
    summary: str
    topics: tuple[str, ...]  # topic slugs, in the topics' order


def _new_lexical() -> lexical.LexicalIndex:
    return lexical.LexicalIndex(FTS_WEIGHTS)


@dataclass
class _DenseState:
    """This process's copy of every question vector, lexical document and the bank's vocabulary, reloaded when
    they move (every re-index writes the question's vector, so the vectors' latest update time is the clock)."""

    index: dense.DenseIndex = field(default_factory=dense.DenseIndex)
    lexical: lexical.LexicalIndex = field(default_factory=_new_lexical)
    puzzles: frozenset[int] = frozenset()  # ids of the output-prediction puzzles, read with the documents
    challenges: frozenset[int] = frozenset()  # ids of the coding challenges, read with the documents
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    # The published questions' summaries by id (its keys are the ids search may show), re-read whenever the
    # stamp moves.
    summaries: Mapping[int, QuestionSummary] = field(default_factory=dict)
    version: datetime | None = None
    database: str = ""
    stamp: str = ""  # the bank's version stamp (pagecache) this copy was last checked against


_state = _DenseState()
_state_lock = threading.Lock()


def _dense_state() -> _DenseState:
    """The in-memory index, brought up to date with the stored vectors.

    Every write to the bank, and every re-index, changes the bank's version stamp (one shared-cache read, no
    query): while it stands still the copy is current. When it moves, one thread reads the published summaries
    again and one aggregate over the vectors says what else to reload; the others wait for it. The stamp is read
    before both, so a write that lands in between moves it again (bank_changed_on_commit moves it at the write
    and again at its commit)."""
    global _state
    from pyprep.bank.models import QuestionEmbedding

    stamp = bank_version()
    database = str(connection.settings_dict.get("NAME"))
    state = _state
    if stamp == state.stamp and database == state.database:
        return state
    with _state_lock:
        state = _state
        # Another thread may have brought the copy up to this stamp while this one waited for the lock.
        if stamp == state.stamp and database == state.database:
            return state
        stats = QuestionEmbedding.objects.aggregate(latest=Max("updated_at"), count=Count("pk"))
        latest, count = stats["latest"], stats["count"]
        summaries = _published_summaries()
        if latest == state.version and count == len(state.index) and database == state.database:
            state.summaries = summaries
            state.stamp = stamp
            return state
        fresh_start = (
            latest is None or state.version is None or latest < state.version or database != state.database
        )
        if not fresh_start:
            moved = _dense_load(state, QuestionEmbedding.objects.filter(updated_at__gt=state.version))
            _lexical_load(state, pks=moved)
        # Vectors deleted (a question removed, a test database flushed) leave the copy bigger than the table:
        # start again, or searches would keep answering with questions that are gone.
        if fresh_start or len(state.index) != count:
            state = _DenseState(database=database)
            _dense_load(state, QuestionEmbedding.objects.all())
            _lexical_load(state, pks=None)
        state.version = latest
        state.summaries = summaries
        state.stamp = stamp
        _state = state
        return state


def _published_summaries() -> dict[int, QuestionSummary]:
    """Every published question's summary by id: two queries (the rows, then their topics' slugs), made only
    when the bank's version stamp moves, so that no search asks the database which candidates it may show or
    what its page of results says. Measured at 50,000 questions: 0.5-1.0 s (the published ids alone took 0.2 s)
    and 48 MB per process; at 1,000, 18 ms and 1.1 MB."""
    from pyprep.bank.models import Question as QuestionModel

    topics: dict[int, list[str]] = {}
    links = (
        QuestionModel.topics.through.objects.filter(question__status=PUBLISHED)
        # Topic's own ordering, as question.topics.all() has it.
        .order_by("topic__position", "topic__name")
        .values_list("question_id", "topic__slug")
    )
    for question_id, slug in links:
        topics.setdefault(question_id, []).append(sys.intern(slug))  # a few dozen slugs, each held once
    rows = (
        QuestionModel.objects.filter(status=PUBLISHED)
        .order_by()
        .values_list("pk", "slug", "title", "level", "kind", "summary")
    )
    return {
        pk: QuestionSummary(
            pk, slug, title, sys.intern(level), sys.intern(kind), summary, tuple(topics.get(pk, ()))
        )
        for pk, slug, title, level, kind, summary in rows
    }


def published_summaries() -> Mapping[int, QuestionSummary]:
    """The published questions' summaries by id, as this process holds them (current with the bank's stamp)."""
    return _dense_state().summaries


def _dense_load(state: _DenseState, rows: QuerySet[Any]) -> list[int]:
    items: list[tuple[int, dense.Matrix]] = []
    for pk, vector, title, asked_as in rows.values_list(
        "question_id", "vector", "question__title", "question__asked_as"
    ).iterator(chunk_size=2000):
        items.append((pk, np.frombuffer(bytes(vector), dtype=np.float32)))
        state.vocabulary.add_document(f"{title}\n{asked_as}")
    state.index.upsert(items)
    return [pk for pk, _ in items]


def _lexical_load(state: _DenseState, *, pks: list[int] | None) -> None:
    """Index these questions' documents in memory (all of them when pks is None): three queries, no per-row ones."""
    from pyprep.bank.models import KeyPoint, Question

    if pks is not None and not pks:
        return
    questions = Question.objects.all() if pks is None else Question.objects.filter(pk__in=pks)
    points: dict[int, list[str]] = {}
    point_rows = KeyPoint.objects.all() if pks is None else KeyPoint.objects.filter(question_id__in=pks)
    for question_id, text in point_rows.values_list("question_id", "text").iterator(chunk_size=5000):
        points.setdefault(question_id, []).append(text)
    topics: dict[int, list[str]] = {}
    links = Question.topics.through.objects.all()
    if pks is not None:
        links = links.filter(question_id__in=pks)
    for question_id, slug, name in links.values_list("question_id", "topic__slug", "topic__name").iterator(
        chunk_size=5000
    ):
        topics.setdefault(question_id, []).append(f"{slug} {name}")

    puzzles, challenges = set(state.puzzles), set(state.challenges)

    def rows() -> Iterable[tuple[int, list[str]]]:
        for pk, title, asked_as, summary, answer, kind in questions.values_list(
            "pk", "title", "asked_as", "summary", "answer", "kind"
        ).iterator(chunk_size=2000):
            for group, member in (
                (puzzles, title.lower().startswith(PUZZLE_TITLE_PREFIXES)),
                (challenges, kind == CHALLENGE),
            ):
                if member:
                    group.add(pk)
                else:
                    group.discard(pk)
            doc = {
                "title": title,
                "asked_as": asked_as,
                "summary": summary,
                "key_points": "\n".join(points.get(pk, ())),
                "answer": answer,
                "topics": " ".join(topics.get(pk, ())),
            }
            columns = lexical_document(doc)
            yield pk, [columns[column] for column in FTS_COLUMNS]

    if pks is None:
        state.lexical.build(rows())
    else:
        state.lexical.upsert_many(rows())
    state.puzzles, state.challenges = frozenset(puzzles), frozenset(challenges)


@dataclass(frozen=True)
class SearchResult:
    ids: list[int]
    query: ParsedQuery
    lexical: list[int] = field(default_factory=list)
    dense: list[tuple[int, float]] = field(default_factory=list)

    @property
    def corrections(self) -> tuple[tuple[str, str], ...]:
        return self.query.corrections


def lexical_ids(parsed: ParsedQuery, *, within: QuerySet[Question] | None, k: int) -> list[int]:
    """The k best lexical matches, best first."""
    return [pk for pk, _ in lexical_hits(parsed, within=within, k=k)]


class _Visibility:
    """Which candidate ids a search may show: published ones (known in memory), or those of `within`, asked of
    the database once per batch of ids not seen before, so one query serves the lexical and the dense
    candidates together."""

    def __init__(
        self, within: QuerySet[Question] | None, *, published: Container[int], also: Iterable[int] = ()
    ) -> None:
        self.within = within
        self.published = published
        self.also = list(also)
        self.known: dict[int, bool] = {}

    def __call__(self, candidates: list[int]) -> set[int]:
        if self.within is None:
            return {pk for pk in candidates if pk in self.published}
        unknown = [pk for pk in [*candidates, *self.also] if pk not in self.known]
        self.also = []
        if unknown:
            shown = set(self.within.filter(pk__in=unknown).values_list("pk", flat=True))
            self.known.update((pk, pk in shown) for pk in unknown)
        return {pk for pk in candidates if self.known[pk]}


def ids_condition(column: str, ids: list[int]) -> tuple[str, list[Any]]:
    """SQL saying that `column` (a quoted name) is one of these ids, and its parameters: one array parameter on
    PostgreSQL (a list of a hundred placeholders took it longer to parse and plan than to run), an IN list on
    SQLite, which has no arrays."""
    if is_sqlite():
        return f"{column} IN ({', '.join(['%s'] * len(ids))})", list(ids)
    return f"{column} = ANY(%s::integer[])", [list(ids)]


def lexical_hits(
    parsed: ParsedQuery,
    *,
    within: QuerySet[Question] | None,
    k: int,
    state: _DenseState | None = None,
    visible: _Visibility | None = None,
) -> list[tuple[int, float]]:
    """The k best lexical matches with their scores (higher is better): bm25 in memory, visibility asked of the
    database for the best few candidates only."""
    if not parsed.terms:
        return []
    state = state or _dense_state()
    phrases = [(term.word, term.weight) for term in parsed.terms]
    return state.lexical.top(phrases, k=k, allowed=visible or _Visibility(within, published=state.summaries))


def dense_hits(parsed: ParsedQuery, state: _DenseState, *, k: int) -> list[tuple[int, float]]:
    """Nearest questions to the mean of the query's two readings (its subject words, and the whole question)."""
    texts = [text for text in (parsed.dense_text, parsed.typed_text) if text]
    if not texts or not len(state.index):
        return []
    vectors = dense.embedder_get().embed(texts)
    mean = vectors.mean(axis=0)
    vector = (mean / (np.linalg.norm(mean) or 1.0)).astype(np.float32)
    return [(hit.id, hit.score) for hit in state.index.search(vector, k=k)]


def fuse(lexical: list[int], dense_ranked: list[tuple[int, float]], *, limit: int) -> list[int]:
    """Reciprocal rank fusion (kept for comparison: score fusion measured better on both evaluation sets)."""
    scores: dict[int, float] = {}
    for rank, pk in enumerate(lexical):
        scores[pk] = LEXICAL_WEIGHT / (RRF_K + rank + 1)
    found = set(lexical)
    for rank, (pk, similarity) in enumerate(dense_ranked):
        if pk in found or similarity >= DENSE_FLOOR:
            scores[pk] = scores.get(pk, 0.0) + DENSE_WEIGHT / (RRF_K + rank + 1)
    lexical_rank = {pk: rank for rank, pk in enumerate(lexical)}
    order = sorted(scores, key=lambda pk: (-scores[pk], lexical_rank.get(pk, len(lexical)), pk))
    return order[:limit]


FUSION = "score"
LEXICAL_SHARE = 0.55
# Output-prediction puzzles ("Predict the output: ...", "What does this print? ...") share every subject word with
# the question that explains the idea, and often win on them; an interviewer asking "what does super() do?"
# wants the explanation. Unless the query asks about output, a puzzle's fused score (0..1) loses this much.
PUZZLE_TITLE_PREFIXES = ("predict the output", "what does this print")
PUZZLE_PENALTY = 0.3
OUTPUT_WORDS = frozenset({"print", "prints", "printed", "output", "outputs", "predict"})
# Coding challenges ("Build a bounded LRU cache", "Write a validating descriptor") share the subject words of the
# question that explains the idea, and won over it on every evaluation set; a challenge is what is asked for only
# in a small share of queries. They lose this much unless the query asks to build something.
CHALLENGE = "challenge"
CHALLENGE_PENALTY = 0.4
BUILD_WORDS = frozenset(
    "implement implementing implementation build building write writing scratch design designing code coding".split()
)


def fuse_scores(
    lexical: list[tuple[int, float]],
    dense_ranked: list[tuple[int, float]],
    *,
    limit: int,
    demoted: Mapping[int, float] | None = None,
) -> list[int]:
    """Convex combination of min-max normalised scores: how far ahead a match is counts, not only its place."""

    def normalised(pairs: list[tuple[int, float]]) -> dict[int, float]:
        if not pairs:
            return {}
        values = [score for _, score in pairs]
        low, high = min(values), max(values)
        span = (high - low) or 1.0
        return {pk: (score - low) / span for pk, score in pairs}

    lex = normalised(lexical)
    found = set(lex)
    den = normalised([(pk, s) for pk, s in dense_ranked if pk in found or s >= DENSE_FLOOR])
    scores = {
        pk: LEXICAL_SHARE * lex.get(pk, 0.0)
        + (1 - LEXICAL_SHARE) * den.get(pk, 0.0)
        - (demoted or {}).get(pk, 0.0)
        for pk in lex | den
    }
    lexical_rank = {pk: rank for rank, (pk, _) in enumerate(lexical)}
    order = sorted(scores, key=lambda pk: (-scores[pk], lexical_rank.get(pk, len(lexical)), pk))
    return order[:limit]


def search(text: str, *, within: QuerySet[Question] | None = None, limit: int = RESULT_LIMIT) -> SearchResult:
    """The best questions for a query, best first: published ones, or those of `within` when it is given."""

    state = _dense_state()
    embedder = dense.embedder_get()
    parsed = parse_query(text, vocabulary=state.vocabulary, is_word=embedder.is_word)
    if not parsed.terms:
        return SearchResult(ids=[], query=parsed)
    # Dense first (memory only), so that one visibility query covers its candidates and the lexical ones.
    hits = dense_hits(parsed, state, k=DENSE_K)
    visible = _Visibility(within, published=state.summaries, also=[pk for pk, _ in hits])
    lexical_scored = lexical_hits(parsed, within=within, k=LEXICAL_K, state=state, visible=visible)
    lexical = [pk for pk, _ in lexical_scored]
    if not lexical:
        # Nothing in the bank shares a word with the query: near neighbours in meaning would be guesses.
        return SearchResult(ids=[], query=parsed)
    shown = visible([pk for pk, _ in hits])
    hits = [(pk, score) for pk, score in hits if pk in shown]
    if FUSION == "score":
        words = set(parsed.words)
        penalties = [
            (group, penalty)
            for group, penalty, spared in (
                (state.puzzles, PUZZLE_PENALTY, OUTPUT_WORDS & words),
                (state.challenges, CHALLENGE_PENALTY, BUILD_WORDS & words),
            )
            if not spared
        ]
        # Only the candidates' penalties: a big bank holds thousands of puzzles and challenges.
        demoted = {
            pk: penalty
            for group, penalty in penalties
            for pk in (*lexical, *(pk for pk, _ in hits))
            if pk in group
        }
        ids = fuse_scores(lexical_scored, hits, limit=limit, demoted=demoted)
    else:
        ids = fuse(lexical, hits, limit=limit)
    return SearchResult(ids=ids, query=parsed, lexical=lexical, dense=hits)


def rank_expression(ids: list[int]) -> RawSQL:
    """An ORDER BY value giving each id its place in `ids`: one SQL function call, not a CASE per id."""
    table = connection.ops.quote_name("bank_question")
    if is_sqlite():
        # The ids travel as a parameter; only the quoted table name is written into the SQL.
        return RawSQL(f"instr(%s, ',' || {table}.\"id\" || ',')", [f",{','.join(map(str, ids))},"])  # noqa: S611
    return RawSQL(f'array_position(%s::integer[], {table}."id")', [list(ids)])  # noqa: S611


def ranked_ids(
    text: str, *, within: QuerySet[Question] | None = None, limit: int = RESULT_LIMIT
) -> list[int]:
    """Question ids for the query, best first (at most `limit`)."""
    return search(text, within=within, limit=limit).ids

"""Reads over the bank: filtered and searched question lists, counts, neighbours, sets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When

from pyprep.bank import search
from pyprep.bank.draw import Drawable, balanced_draw
from pyprep.bank.filters import QuestionFilter
from pyprep.bank.levels import LEVELS
from pyprep.bank.models import CuratedSet, CuratedSetItem, Question, QuestionQuerySet, Status, Topic
from pyprep.bank.pagecache import same_for_everyone
from pyprep.bank.search import QuestionSummary as QuestionSummary  # what question_summaries returns


def topic_slugs() -> list[str]:
    return same_for_everyone("topic-slugs", lambda: list(Topic.objects.values_list("slug", flat=True)))


def topic_names(*, question_id: int) -> list[str]:
    """The names of a question's topics in the topics' order (cached until the bank changes)."""
    return same_for_everyone(
        f"topic-names-{question_id}",
        lambda: list(
            Topic.objects.filter(questions__pk=question_id)
            .order_by("position", "name")
            .values_list("name", flat=True)
        ),
    )


def question_by_id(*, pk: int) -> Question | None:
    """A question, whatever its status (a practice card shows it after it is archived), as stored: the same
    for everyone, so kept in each process until the bank changes."""
    return same_for_everyone(f"question-{pk}", lambda: Question.objects.filter(pk=pk).first())


def questions_filtered(*, qfilter: QuestionFilter, only_ids: set[int] | None = None) -> QuerySet[Question]:
    """Published questions matching the filter: ranked by relevance when searching, else by level and title.

    only_ids narrows the result to questions a personal filter ("starred", "unseen", ...) resolved to.
    """
    qs = _questions_within(qfilter=qfilter, only_ids=only_ids)
    if qfilter.q:
        ids = question_ids_searched(qfilter=qfilter, only_ids=only_ids)
        if not ids:
            return qs.none()
        # Search returned only questions it checked against qs (or the published ones): select them by primary
        # key alone, or SQLite reads the whole status index to find a few dozen rows.
        found = Question.objects.filter(pk__in=ids)
        return found.alias(search_rank=search.rank_expression(ids)).order_by("search_rank")
    return qs.in_level_order()


def question_ids_searched(*, qfilter: QuestionFilter, only_ids: set[int] | None = None) -> list[int]:
    """The ids of the published questions matching the filter and its query (qfilter.q), best first: every one
    was checked against the filters by the search, so a caller can count and page them as they are."""
    filtered = only_ids is not None or bool(qfilter.levels or qfilter.topics or qfilter.kind)
    within = _questions_within(qfilter=qfilter, only_ids=only_ids) if filtered else None
    return search.ranked_ids(qfilter.q, within=within)


def question_summaries(*, ids: Sequence[int]) -> list[QuestionSummary]:
    """The summaries of these questions in the order given (ids not found are left out).

    Published ones come from the summaries search holds in memory (no query: on PostgreSQL this page's one
    query, its planning and the connection's health check cost more than the ranking). Any other id (a
    question not published, one written since the bank's stamp was read) is read in one query of plain columns,
    the question's row joined to its topics' slugs."""
    if not ids:
        return []
    held = search.published_summaries()
    missing = [pk for pk in ids if pk not in held]
    read = _summaries_read(missing) if missing else {}
    return [row for pk in ids if (row := held.get(pk) or read.get(pk)) is not None]


def _summaries_read(ids: Sequence[int]) -> dict[int, QuestionSummary]:
    """These questions' summaries read from the database (ids not found are left out)."""
    name = connection.ops.quote_name
    through = Question.topics.through._meta
    question_column = through.get_field("question").column
    topic_column = through.get_field("topic").column
    condition, params = search.ids_condition(f"q.{name('id')}", list(ids))
    # Only quoted names and placeholders are written into the SQL; the ids travel as parameters.
    sql = (
        f"SELECT q.{name('id')}, q.{name('slug')}, q.{name('title')}, q.{name('level')}, q.{name('kind')},"  # noqa: S608
        f" q.{name('summary')}, t.{name('slug')}"
        f" FROM {name(Question._meta.db_table)} q"
        f" LEFT JOIN {name(through.db_table)} qt ON qt.{name(question_column)} = q.{name('id')}"
        f" LEFT JOIN {name(Topic._meta.db_table)} t ON t.{name('id')} = qt.{name(topic_column)}"
        f" WHERE {condition}"
        # Topic's own ordering, as question.topics.all() has it.
        f" ORDER BY t.{name('position')}, t.{name('name')}"
    )
    rows: dict[int, tuple[int, str, str, str, str, str]] = {}
    topics: dict[int, list[str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for pk, slug, title, level, kind, summary, topic in cursor.fetchall():
            rows.setdefault(pk, (pk, slug, title, level, kind, summary))
            if topic is not None:
                topics.setdefault(pk, []).append(topic)
    return {pk: QuestionSummary(*row, topics=tuple(topics.get(pk, ()))) for pk, row in rows.items()}


def _questions_within(*, qfilter: QuestionFilter, only_ids: set[int] | None) -> QuestionQuerySet:
    qs = Question.objects.published()
    if only_ids is not None:
        qs = qs.filter(pk__in=only_ids)
    if qfilter.levels:
        qs = qs.filter(level__in=qfilter.levels)
    if qfilter.topics:
        qs = qs.filter(topics__slug__in=qfilter.topics).distinct()
    if qfilter.kind:
        qs = qs.filter(kind=qfilter.kind)
    return qs


def best_match_outside_filters(
    *, qfilter: QuestionFilter, only_ids: set[int] | None = None
) -> Question | None:
    """The best match for the query over the whole bank, when the filters hide it; else None."""
    if not qfilter.q or not (only_ids is not None or qfilter.levels or qfilter.topics or qfilter.kind):
        return None
    ranked = search.ranked_ids(qfilter.q, limit=5)
    # The best published one: an index can still hold a question since archived or removed.
    published = set(Question.objects.published().filter(pk__in=ranked).values_list("pk", flat=True))
    best = next((pk for pk in ranked if pk in published), None)
    if best is None or _questions_within(qfilter=qfilter, only_ids=only_ids).filter(pk=best).exists():
        return None
    return Question.objects.prefetch_related("topics").filter(pk=best).first()


def questions_for_list(*, qfilter: QuestionFilter, only_ids: set[int] | None = None) -> QuerySet[Question]:
    return questions_filtered(qfilter=qfilter, only_ids=only_ids).prefetch_related("topics")


def question_ids_filtered(*, qfilter: QuestionFilter, only_ids: set[int] | None = None) -> list[int]:
    return list(questions_filtered(qfilter=qfilter, only_ids=only_ids).values_list("pk", flat=True))


PICKER_SEARCH_LIMIT = 50


def questions_for_picker(
    *, term: str, within: QuerySet[Question], matched: QuerySet[Question]
) -> QuerySet[Question]:
    """Questions for the admin's question picker, best match first: the exact title, then titles starting
    with the term, then the bank's search ranking, then the rest of `matched` by title.

    `matched` is what the admin's own substring search found; the bank's search adds what it finds by
    meaning or phrasing (within `within`, drafts included).
    """
    term = " ".join(term.split())
    ranked = search.ranked_ids(term, within=within, limit=PICKER_SEARCH_LIMIT) if term else []
    tier = Case(
        When(title__iexact=term, then=Value(0)),
        When(title__istartswith=term, then=Value(1)),
        When(pk__in=ranked, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    rank = Case(
        *(When(pk=pk, then=Value(place)) for place, pk in enumerate(ranked)),
        default=Value(len(ranked)),
        output_field=IntegerField(),
    )
    return (
        within.filter(Q(pk__in=matched.values("pk")) | Q(pk__in=ranked))
        .alias(picker_tier=tier, picker_rank=rank)
        .order_by("picker_tier", "picker_rank", "title", "pk")
    )


def question_published(*, slug: str) -> Question | None:
    """A published question by slug, without its parts; None for a draft, an archived or a missing one."""
    return Question.objects.published().filter(slug=slug).first()


def question_detail(*, slug: str) -> Question | None:
    """A published question with everything its page shows, or None."""
    return (
        Question.objects.published()
        .prefetch_related(
            "topics",
            "key_points",
            "examples",
            "follow_ups",
            Prefetch("related", queryset=Question.objects.published().order_by("title")),
        )
        .filter(slug=slug)
        .first()
    )


def question_page(*, slug: str) -> Question | None:
    """A published question for its page: the Markdown and code come pre-rendered in its stored HTML."""
    return (
        Question.objects.published()
        .defer("search_document", "answer")
        .prefetch_related(
            "topics", Prefetch("related", queryset=Question.objects.published().order_by("title"))
        )
        .filter(slug=slug)
        .first()
    )


@dataclass(frozen=True)
class Neighbours:
    previous: Question | None
    next: Question | None
    position: int
    total: int


def question_neighbours(
    *, question: Question, qfilter: QuestionFilter, only_ids: set[int] | None = None
) -> Neighbours | None:
    """Previous and next question within the filter the reader came from; None if it is not in it."""
    ids = question_ids_filtered(qfilter=qfilter, only_ids=only_ids)
    try:
        index = ids.index(question.pk)
    except ValueError:
        return None
    wanted = [
        pk
        for pk in (ids[index - 1] if index else None, ids[index + 1] if index + 1 < len(ids) else None)
        if pk
    ]
    by_pk = Question.objects.in_bulk(wanted)
    return Neighbours(
        previous=by_pk.get(ids[index - 1]) if index else None,
        next=by_pk.get(ids[index + 1]) if index + 1 < len(ids) else None,
        position=index + 1,
        total=len(ids),
    )


@dataclass(frozen=True)
class BankCounts:
    total: int
    challenges: int
    by_level: list[tuple[str, str, str, int]]  # value, label, band, count
    by_topic: list[tuple[Topic, int]]


def bank_counts() -> BankCounts:
    """How many published questions there are, per level and per topic (cached until the bank changes)."""
    return same_for_everyone("counts", _bank_counts)


def _bank_counts() -> BankCounts:
    published = Question.objects.published()
    level_counts = dict(published.values_list("level").annotate(n=Count("pk")).values_list("level", "n"))
    topics = Topic.objects.annotate(
        n=Count("questions", filter=Q(questions__status=Status.PUBLISHED))
    ).order_by("position", "name")
    return BankCounts(
        total=published.count(),
        challenges=published.challenges().count(),
        by_level=[(lv.value, lv.label, lv.band, level_counts.get(lv.value, 0)) for lv in LEVELS],
        by_topic=[(topic, topic.n) for topic in topics],
    )


def sets_featured() -> QuerySet[CuratedSet]:
    return sets_listed().filter(featured=True)


def sets_listed() -> QuerySet[CuratedSet]:
    return CuratedSet.objects.annotate(
        n=Count("items", filter=Q(items__question__status=Status.PUBLISHED))
    ).order_by("position", "title")


def set_detail(*, slug: str) -> tuple[CuratedSet, list[Question]] | None:
    curated = CuratedSet.objects.filter(slug=slug).first()
    if curated is None:
        return None
    items = (
        CuratedSetItem.objects.filter(curated_set=curated, question__status=Status.PUBLISHED)
        .select_related("question")
        .prefetch_related("question__topics")
        .order_by("position", "id")
    )
    return curated, [item.question for item in items]


def set_question_ids(*, slug: str) -> list[int]:
    return list(
        CuratedSetItem.objects.filter(curated_set__slug=slug, question__status=Status.PUBLISHED)
        .order_by("position", "id")
        .values_list("question_id", flat=True)
    )


def questions_drawn(
    *,
    qfilter: QuestionFilter,
    count: int,
    seed: int,
    set_slug: str = "",
    topic_weights: Mapping[str, float] | None = None,
    exclude_ids: Iterable[int] = (),
) -> list[Question]:
    """A reproducible, topic-balanced draw of published questions matching the filter (and the set, if any).

    Interview kits and mock interviews call this; see `bank.draw.balanced_draw` for how questions are chosen.
    """
    qs = _questions_within(
        qfilter=qfilter, only_ids=set(set_question_ids(slug=set_slug)) if set_slug else None
    )
    excluded = set(exclude_ids)
    pool = [
        Drawable(id=q.pk, title=q.title, topics=tuple(t.slug for t in q.topics.all()))
        # Only what the draw reads: the pool can be a whole level, and rows carry their stored page HTML.
        for q in qs.only("pk", "title")
        .prefetch_related(Prefetch("topics", Topic.objects.only("pk", "slug")))
        .order_by("pk")
        if q.pk not in excluded
    ]
    ids = [item.id for item in balanced_draw(pool, count=count, seed=seed, topic_weights=topic_weights)]
    by_id = Question.objects.prefetch_related("topics").in_bulk(ids)
    return [by_id[pk] for pk in ids]

"""Reads over practice data: what is due, what a session shows, progress figures, marks and exports."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.db import connections, router
from django.db.models import Count, Min, Model, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone

from pyprep.bank import selectors as bank_selectors
from pyprep.bank.filters import FilterError, QuestionFilter, parse_filter
from pyprep.bank.levels import LEVELS
from pyprep.bank.models import CuratedSet, Question, Status, Topic
from pyprep.bank.pagecache import bank_version
from pyprep.practice import mastery, personal, scheduling
from pyprep.practice.conf import MAX_SESSION_LENGTH, default_session_length, new_cards_per_day
from pyprep.practice.feedback import Feedback
from pyprep.practice.mastery import Mastery
from pyprep.practice.models import (
    Card,
    Note,
    PracticeSession,
    Preferences,
    Review,
    Scope,
    SessionItem,
    Star,
)
from pyprep.practice.ownership import Owner

M = TypeVar("M", bound=Model)

# The personal marks practice records, key → label; registered with the bank's "Mine" filter in apps.py.
MARKS: dict[str, str] = {
    "starred": "Starred",
    "noted": "With my notes",
    "seen": "Practised",
    "unseen": "Not practised yet",
}


def _day_bounds(now: datetime) -> tuple[datetime, datetime]:
    today = timezone.localtime(now).date()
    start = timezone.make_aware(datetime.combine(today, time.min))
    return start, start + timedelta(days=1)


def _cards(owner: Owner) -> QuerySet[Card]:
    return Card.objects.owned_by(owner).filter(question__status=Status.PUBLISHED)


def due_count(*, owner: Owner, now: datetime | None = None) -> int:
    """Cards whose due date falls before the end of today (overdue ones included).

    Read on every page (the nav), so kept in the shared cache per owner and day: a card only enters or
    leaves "due by the end of today" when it is written (rated, undone, moved), which forgets the figure.
    """
    if not owner.exists:
        return 0
    start, end = _day_bounds(now or timezone.now())
    return personal.remembered(
        owner=owner,
        name="due",
        day=start.date().isoformat(),
        compute=lambda: _cards(owner).filter(due__lt=end).count(),
    )


def new_card_limit(*, owner: Owner) -> int:
    """New questions per day for this owner: the account's own setting, else the site's default."""
    if owner.user_id is None:
        return new_cards_per_day()
    chosen = Preferences.objects.filter(user_id=owner.user_id).values_list("new_cards_per_day", flat=True)
    return next(iter(chosen), new_cards_per_day())


def new_cards_left_today(*, owner: Owner, now: datetime | None = None, limit: int | None = None) -> int:
    start, _end = _day_bounds(now or timezone.now())
    introduced = Card.objects.owned_by(owner).filter(created_at__gte=start).count() if owner.exists else 0
    return max(0, (new_card_limit(owner=owner) if limit is None else limit) - introduced)


@dataclass(frozen=True)
class Readiness:
    """What a group of questions offers to practise today: due cards, new ones within today's limit."""

    due: int
    new: int
    next_due: datetime | None

    @property
    def count(self) -> int:
        return self.due + self.new

    @property
    def suggested_length(self) -> int:
        return max(1, min(self.count, default_session_length(), MAX_SESSION_LENGTH))

    @property
    def max_length(self) -> int:
        return MAX_SESSION_LENGTH


def practice_readiness(*, owner: Owner, question_ids: list[int], now: datetime | None = None) -> Readiness:
    """How many of these questions are due or new-and-allowed today, and when the next one falls due."""
    now = now or timezone.now()
    _start, end = _day_bounds(now)
    dues = (
        list(_cards(owner).filter(question_id__in=question_ids).values_list("due", flat=True))
        if owner.exists and question_ids
        else []
    )
    due = sum(1 for when in dues if when < end)
    unseen = len(set(question_ids)) - len(dues)
    new = min(unseen, new_cards_left_today(owner=owner, now=now)) if unseen else 0
    later = [when for when in dues if when >= end]
    return Readiness(due=due, new=new, next_due=min(later) if later else None)


def due_overview(*, owner: Owner, now: datetime | None = None) -> tuple[int, datetime | None]:
    """Cards due by the end of today, and when the first card after today falls due: one query."""
    if not owner.exists:
        return 0, None
    _start, end = _day_bounds(now or timezone.now())
    figures = _cards(owner).aggregate(
        due_today=Count("pk", filter=Q(due__lt=end)), due_later=Min("due", filter=Q(due__gte=end))
    )
    return int(figures["due_today"] or 0), figures["due_later"]


@dataclass(frozen=True)
class Pick:
    question_ids: list[int]
    held_back_new: int
    new_limit: int


def session_pick(
    *,
    owner: Owner,
    candidate_ids: list[int],
    length: int,
    now: datetime,
    limit_new: bool,
    only_due: bool = False,
) -> Pick:
    """Which of the candidates to ask, in order: due cards (most overdue first), new ones, then the least recalled."""
    _start, end = _day_bounds(now)
    cards = (
        {card.question_id: card for card in _cards(owner).filter(question_id__in=candidate_ids)}
        if owner.exists
        else {}
    )
    due = sorted(
        (qid for qid in candidate_ids if qid in cards and cards[qid].due < end), key=lambda q: cards[q].due
    )
    limit = new_card_limit(owner=owner)
    if only_due:
        return Pick(due[:length], 0, limit)
    new = [qid for qid in candidate_ids if qid not in cards]
    allowed = new_cards_left_today(owner=owner, now=now, limit=limit) if limit_new else len(new)
    room = max(0, length - len(due))
    held_back = max(0, min(len(new), room) - allowed)
    new = new[: min(allowed, room)]
    ahead = sorted(
        (qid for qid in candidate_ids if qid in cards and qid not in due),
        key=lambda q: scheduling.retrievability(cards[q].memory, now=now),
    )
    return Pick((due + new + ahead)[:length], held_back, limit)


def due_question_ids(*, owner: Owner, now: datetime | None = None) -> list[int]:
    _start, end = _day_bounds(now or timezone.now())
    return list(_cards(owner).filter(due__lt=end).order_by("due").values_list("question_id", flat=True))


def question_ids_marked(*, user: Any, mark: str) -> set[int]:
    """Question ids the user has starred, noted, seen (rated at least once) or not seen; for the bank's filters."""
    if mark not in MARKS:
        raise ValueError(f"Unknown mark {mark!r}. Use one of: {', '.join(MARKS)}.")
    owner = Owner(user_id=user.pk) if user is not None and user.is_authenticated else Owner()
    if mark == "starred":
        return set(Star.objects.owned_by(owner).values_list("question_id", flat=True))
    if mark == "noted":
        return set(Note.objects.owned_by(owner).values_list("question_id", flat=True))
    seen = set(Card.objects.owned_by(owner).values_list("question_id", flat=True))
    if mark == "seen":
        return seen
    return set(Question.objects.published().exclude(pk__in=seen).values_list("pk", flat=True))


def session_length(*, requested: object = None) -> int:
    """Cards in a session: the requested number kept within 1..MAX_SESSION_LENGTH; the default if none is readable."""
    try:
        wanted = int(str(requested)) if requested not in (None, "") else default_session_length()
    except ValueError:
        return default_session_length()
    return max(1, min(wanted, MAX_SESSION_LENGTH))


@dataclass(frozen=True)
class ScopeChoice:
    """What a start request asks to practise: the scope, its title and the query string that reproduces it."""

    scope: Scope
    title: str
    query: str
    qfilter: QuestionFilter | None = None


def _filter_title(qfilter: QuestionFilter) -> str:
    if qfilter.is_empty:
        return "All questions"
    parts = []
    if qfilter.topics:
        parts.append(", ".join(qfilter.topics))
    if qfilter.levels:
        parts.append(", ".join(qfilter.levels))
    if qfilter.kind:
        parts.append("challenges" if qfilter.kind == "challenge" else "concepts")
    if qfilter.q:
        parts.append(f"“{qfilter.q}”")
    return "Practice: " + " · ".join(parts)


def session_scope(*, params: Mapping[str, Any]) -> ScopeChoice:
    """The scope a start request asks for (due, weak topics, one question, a set or a filter); raises FilterError."""
    if params.get("scope") == Scope.DUE:
        return ScopeChoice(Scope.DUE, "Due for review", "scope=due")
    if params.get("scope") == Scope.WEAK:
        return ScopeChoice(Scope.WEAK, "My weak topics", "scope=weak")
    if params.get("question"):
        question = Question.objects.published().filter(slug=params["question"]).first()
        if question is None:
            raise FilterError("That question does not exist or is not published.")
        return ScopeChoice(Scope.QUESTION, question.title, urlencode({"question": question.slug}))
    if params.get("set"):
        curated = CuratedSet.objects.filter(slug=params["set"]).first()
        if curated is None:
            raise FilterError("That curated set does not exist.")
        return ScopeChoice(Scope.SET, curated.title, urlencode({"set": curated.slug}))
    qfilter = parse_filter(params, known_topics=bank_selectors.topic_slugs())
    return ScopeChoice(Scope.FILTER, _filter_title(qfilter), qfilter.querystring(), qfilter)


@dataclass(frozen=True)
class Candidates:
    """The questions a new session may draw from, with the scope and title it will carry."""

    scope: Scope
    title: str
    query: str
    question_ids: list[int]


def session_candidates(*, owner: Owner, params: Mapping[str, Any]) -> Candidates:
    """The questions a start request's scope stands for, in the scope's order; raises FilterError."""
    choice = session_scope(params=params)
    title = choice.title
    if choice.scope == Scope.DUE:
        ids = due_question_ids(owner=owner)
    elif choice.scope == Scope.WEAK:
        ids, names = weak_topic_question_ids(owner=owner)
        title = f"Weak topics: {', '.join(names)}" if names else title
    elif choice.scope == Scope.QUESTION:
        ids = list(Question.objects.published().filter(slug=params["question"]).values_list("pk", flat=True))
    elif choice.scope == Scope.SET:
        ids = bank_selectors.set_question_ids(slug=params["set"])
    else:
        ids = bank_selectors.question_ids_filtered(qfilter=choice.qfilter or QuestionFilter())
    return Candidates(scope=choice.scope, title=title, query=choice.query, question_ids=ids)


def session_item_owned(*, session: PracticeSession, pk: int) -> SessionItem | None:
    """One card of a session the caller already owns; None for a card of another session."""
    return SessionItem.objects.filter(session=session, pk=pk).first()


def session_owned(*, owner: Owner, pk: int) -> PracticeSession | None:
    return PracticeSession.objects.owned_by(owner).filter(pk=pk).first() if owner.exists else None


def session_latest_unfinished(*, owner: Owner) -> PracticeSession | None:
    return PracticeSession.objects.owned_by(owner).unfinished().first() if owner.exists else None


def review_owned(*, owner: Owner, pk: int) -> Review | None:
    if not owner.exists:
        return None
    return Review.objects.filter(pk=pk, **owner.lookup("card__")).select_related("card__question").first()


@dataclass(frozen=True)
class CardView:
    item: SessionItem
    question: Question
    feedback: Feedback | None
    intervals: list[tuple[scheduling.Grade, str]]
    topics: list[str] = field(default_factory=list)
    # The bank's version stamp the question was read at: the card's template keeps the parts that are the
    # same for everyone (the question, its answer) rendered per question and stamp.
    bank_stamp: str = ""

    @property
    def interval_labels(self) -> str:
        """The four intervals as one key: the rating buttons are the same for every card that shows them."""
        return "|".join(interval for _, interval in self.intervals)


@dataclass(frozen=True)
class SessionView:
    session: PracticeSession
    total: int
    done: int
    current: CardView | None
    can_undo: bool = False

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


def session_view(*, session: PracticeSession, now: datetime | None = None) -> SessionView:
    """The session's progress and the card to show now (None once every card is rated or it ended).

    Two queries: the progress (none when `session` came from `session_view_owned`, which counted it with the
    session), then the current card joined with the owner's memory of it; its question (the same for
    everyone) comes from the bank's per-process cache.
    """
    now = now or timezone.now()
    total, done = _session_progress(session)
    all_rated = done >= total
    current = None
    item = None if all_rated or session.finished_at is not None else _current_item(session)
    if item is not None:
        # The card shows the question's stored HTML (bank.rendering) and its topics' names, which are the
        # same for everyone and come from the bank's cache.
        verdict = Feedback.from_dict(item.feedback) if item.revealed_at else None
        card: Card | None = getattr(item, "own_card", None)
        memory = card.memory if card is not None else scheduling.Memory()
        intervals = [
            (grade, scheduling.humanize_interval(delta))
            for grade, delta in scheduling.next_intervals(memory, now=now).items()
        ]
        current = CardView(
            item=item,
            question=item.question,
            feedback=verdict,
            intervals=intervals,
            topics=bank_selectors.topic_names(question_id=item.question_id),
            bank_stamp=bank_version(),
        )
    # The last rating can be taken back until the next card is revealed (services.review_undo says the same).
    can_undo = done > 0 and (
        (current is not None and current.item.revealed_at is None)
        or (all_rated and session.finished_at is not None)
    )
    return SessionView(session=session, total=total, done=done, current=current, can_undo=can_undo)


def session_view_owned(*, owner: Owner, pk: int, now: datetime | None = None) -> SessionView | None:
    """The session page of the owner's session `pk` (None when they have none of that number): the session
    and its progress in one query, the current card with the owner's memory of it in another."""
    if not owner.exists:
        return None
    session = _session_with_progress(owner=owner, pk=pk)
    if session is None:
        return None
    return session_view(session=session, now=now)


def _session_progress(session: PracticeSession) -> tuple[int, int]:
    """(cards in the session, cards rated): counted with the session by `with_progress()`, else now."""
    total, done = getattr(session, "items_total", None), getattr(session, "items_done", None)
    if total is None or done is None:
        counts = session.items.aggregate(total=Count("pk"), done=Count("review"))
        total, done = counts["total"], counts["done"]
    return int(total), int(done)


# The practice card is the page a signed-in visitor loads most, once per step (card, reveal, next card). Its
# two reads are written in SQL: building them through the ORM cost about 1 and 2.5 ms of CPU per request (a
# quarter of the page), running them about a tenth of that. They run on a cursor and become models with
# the ORM's converters, looked up once per process (Django's raw() looked them up again on every query). Both are plain SQL that SQLite and PostgreSQL
# read alike; the tests in test_the_practice_card_reads_fresh_state.py check what they return.
def _owner_where(owner: Owner, table: str) -> tuple[str, list[Any]]:
    """SQL selecting `owner`'s rows of the aliased table `table`, and its parameters (as Owner.lookup)."""
    if owner.user_id is not None:
        return f"{table}.user_id = %s", [owner.user_id]
    return f"{table}.user_id IS NULL AND {table}.session_key = %s", [owner.session_key]


@cache
def _model_columns(
    model: type[Model], alias: str
) -> tuple[list[str], list[str], list[tuple[Any, list[Any]]]]:
    """A model's concrete columns, their attribute names, and each column with the converters the ORM applies
    to its database values (dates on SQLite, for one): looked up once per process and database."""
    connection = connections[alias]
    fields = model._meta.concrete_fields
    columns = [model_field.get_col(model._meta.db_table) for model_field in fields]
    converters = [
        (column, connection.ops.get_db_converters(column) + column.get_db_converters(connection))
        for column in columns
    ]
    return [f.column for f in fields], [f.attname for f in fields], converters


def _model_from_row(model: type[M], alias: str, row: Sequence[Any]) -> M:
    """An instance of `model` from its concrete columns' values, in `_model_columns` order, converted as
    the ORM converts them."""
    _, names, converters = _model_columns(model, alias)
    connection = connections[alias]
    values = []
    for value, (column, column_converters) in zip(row, converters, strict=True):
        for converter in column_converters:
            value = converter(value, column, connection)
        values.append(value)
    return model.from_db(alias, names, values)


def _fetch_one(alias: str, sql: str, params: list[Any]) -> tuple[Any, ...] | None:
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return tuple(row) if row is not None else None


def _session_with_progress(*, owner: Owner, pk: int) -> PracticeSession | None:
    """The owner's session `pk` with `items_total` and `items_done` (as `with_progress()`), in one query."""
    alias = router.db_for_read(PracticeSession)
    sessions, items = PracticeSession._meta.db_table, SessionItem._meta.db_table
    columns, _, _ = _model_columns(PracticeSession, alias)
    where, params = _owner_where(owner, "s")
    sql = (
        f"SELECT {', '.join(f's.{column}' for column in columns)}, "  # noqa: S608 - names from the models; values are parameters
        f"(SELECT COUNT(*) FROM {items} i WHERE i.session_id = s.id), "
        f"(SELECT COUNT(i.review_id) FROM {items} i WHERE i.session_id = s.id) "
        f"FROM {sessions} s WHERE s.id = %s AND {where}"
    )
    row = _fetch_one(alias, sql, [pk, *params])
    if row is None:
        return None
    session = _model_from_row(PracticeSession, alias, row[: len(columns)])
    session.items_total, session.items_done = row[len(columns) :]  # type: ignore[attr-defined]
    return session


def _current_item(session: PracticeSession) -> SessionItem | None:
    """The first card not rated yet with the session owner's card for its question (as `own_card`, None
    when they never rated it) in one query; its question (the same for everyone) from the bank's cache."""
    alias = router.db_for_read(SessionItem)
    owner = Owner(user_id=session.user_id, session_key=session.session_key)
    items, cards = SessionItem._meta.db_table, Card._meta.db_table
    item_columns, _, _ = _model_columns(SessionItem, alias)
    card_columns, _, _ = _model_columns(Card, alias)
    where, params = _owner_where(owner, "c")
    sql = (
        f"SELECT {', '.join(f'i.{column}' for column in item_columns)}, "  # noqa: S608 - names from the models; values are parameters
        f"{', '.join(f'c.{column}' for column in card_columns)} FROM {items} i "
        f"LEFT JOIN {cards} c ON c.question_id = i.question_id AND {where} "
        "WHERE i.session_id = %s AND i.review_id IS NULL ORDER BY i.position LIMIT 1"
    )
    row = _fetch_one(alias, sql, [*params, session.pk])
    if row is None:
        return None
    item = _model_from_row(SessionItem, alias, row[: len(item_columns)])
    card_row = row[len(item_columns) :]
    no_card = card_row[card_columns.index(Card._meta.pk.column)] is None
    item.own_card = None if no_card else _model_from_row(Card, alias, card_row)  # type: ignore[attr-defined]
    question = bank_selectors.question_by_id(pk=item.question_id)
    if question is not None:
        item.question = question
    return item


@dataclass(frozen=True)
class SummaryRow:
    item: SessionItem
    grade_label: str
    covered: int
    key_points: int


@dataclass(frozen=True)
class SessionSummary:
    session: PracticeSession
    rows: list[SummaryRow]
    seen: int
    grades: list[tuple[str, int]]
    covered: int
    key_points: int
    next_due: datetime | None

    @property
    def coverage_percent(self) -> int | None:
        return round(100 * self.covered / self.key_points) if self.key_points else None


def session_summary(*, session: PracticeSession) -> SessionSummary:
    """What a finished (or ended) session achieved: ratings, key-point coverage and when cards come back."""
    items = list(session.items.select_related("question", "review").order_by("position"))
    rows = [
        SummaryRow(
            item=item,
            grade_label=item.review.get_grade_display() if item.review else "Not rated",
            covered=item.review.covered if item.review else 0,
            key_points=item.review.key_point_count if item.review else 0,
        )
        for item in items
    ]
    rated = [item.review for item in items if item.review]
    counts = Counter(review.grade for review in rated)
    owner = Owner(user_id=session.user_id, session_key=session.session_key)
    next_due = (
        Card.objects.owned_by(owner)
        .filter(question_id__in=[item.question_id for item in items])
        .order_by("due")
        .values_list("due", flat=True)
        .first()
    )
    return SessionSummary(
        session=session,
        rows=rows,
        seen=len(rated),
        grades=[(grade.label, counts.get(int(grade), 0)) for grade in scheduling.Grade],
        covered=sum(review.covered for review in rated if review.answer),
        key_points=sum(review.key_point_count for review in rated if review.answer),
        next_due=next_due,
    )


def question_marks(*, owner: Owner, question: Question) -> tuple[bool, Note | None]:
    """Whether the owner starred the question, and their note on it."""
    if not owner.exists:
        return False, None
    starred = Star.objects.owned_by(owner).filter(question=question).exists()
    return starred, Note.objects.owned_by(owner).filter(question=question).first()


@dataclass(frozen=True)
class Progress:
    reviews_total: int
    cards_seen: int
    streak: int
    by_topic: list[Mastery]
    by_level: list[Mastery]
    reviews_per_day: list[tuple[date, int]]
    due_per_day: list[tuple[date, int]]
    weakest: list[Mastery] = field(default_factory=list)
    heat: list[list[mastery.HeatCell | None]] = field(default_factory=list)
    active_days: int = 0  # days with a review in the heat map's weeks
    heat_reviews: int = 0


def progress(*, owner: Owner, now: datetime | None = None) -> Progress:
    """Everything the progress page shows for one owner."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    last_grade = (
        Review.objects.filter(card=OuterRef("pk")).order_by("-reviewed_at", "-pk").values("grade")[:1]
    )
    cards = (
        list(
            _cards(owner)
            .annotate(last_grade=Subquery(last_grade))
            .select_related("question")
            .prefetch_related("question__topics")
        )
        if owner.exists
        else []
    )
    recall = {card.question_id: scheduling.retrievability(card.memory, now=now) for card in cards}
    week = now + timedelta(days=7)
    later = {card.question_id: scheduling.retrievability(card.memory, now=week) for card in cards}

    topic_recall: dict[int, list[tuple[float, float]]] = defaultdict(list)
    level_recall: dict[str, list[tuple[float, float]]] = defaultdict(list)
    # A lapse (last rating Again) counts at once, whatever the card's recall the minute after.
    topic_lapses: Counter[int] = Counter()
    level_lapses: Counter[str] = Counter()
    for card in cards:
        pair = (recall[card.question_id], later[card.question_id])
        lapsed = getattr(card, "last_grade", None) == int(scheduling.Grade.AGAIN)
        level_recall[card.question.level].append(pair)
        level_lapses[card.question.level] += lapsed
        for topic in card.question.topics.all():
            topic_recall[topic.pk].append(pair)
            topic_lapses[topic.pk] += lapsed
    published = Question.objects.published()
    topic_totals = dict(
        Topic.objects.filter(questions__status=Status.PUBLISHED)
        .annotate(n=Count("questions"))
        .values_list("pk", "n")
    )
    level_totals = dict(published.values_list("level").annotate(n=Count("pk")).values_list("level", "n"))

    by_topic = [
        mastery.mastery_of(
            key=topic.slug,
            label=topic.name,
            total=topic_totals.get(topic.pk, 0),
            recalls=topic_recall.get(topic.pk, []),
            lapses=topic_lapses[topic.pk],
        )
        for topic in Topic.objects.order_by("position", "name")
        if topic_totals.get(topic.pk)
    ]
    by_level = [
        mastery.mastery_of(
            key=level.value,
            label=level.label,
            total=level_totals.get(level.value, 0),
            recalls=level_recall.get(level.value, []),
            lapses=level_lapses[level.value],
        )
        for level in LEVELS
        if level_totals.get(level.value)
    ]

    reviews = Review.objects.filter(**owner.lookup("card__")) if owner.exists else Review.objects.none()
    first_day = today - timedelta(days=29)
    heat_start = min(first_day, mastery.heat_first_day(today=today))
    per_day = dict(
        reviews.filter(reviewed_at__gte=timezone.make_aware(datetime.combine(heat_start, time.min)))
        .annotate(day=TruncDate("reviewed_at"))
        .values_list("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    review_days = set(reviews.annotate(day=TruncDate("reviewed_at")).values_list("day", flat=True).distinct())
    week_days = []
    for offset in range(7):
        day = today + timedelta(days=offset)
        start = timezone.make_aware(datetime.combine(day, time.min))
        week_days.append((day, start, start + timedelta(days=1)))
    return Progress(
        reviews_total=reviews.count(),
        cards_seen=len(cards),
        streak=mastery.streak(review_days=review_days, today=today),
        by_topic=by_topic,
        by_level=by_level,
        reviews_per_day=mastery.per_day(first_day=first_day, days=30, counts=per_day),
        due_per_day=mastery.due_per_day(dues=(card.due for card in cards), days=week_days),
        weakest=mastery.weakest(by_topic),
        heat=mastery.heat_weeks(today=today, counts=per_day),
        active_days=sum(1 for day, n in per_day.items() if n and day >= mastery.heat_first_day(today=today)),
        heat_reviews=sum(n for day, n in per_day.items() if day >= mastery.heat_first_day(today=today)),
    )


def weak_topic_question_ids(
    *, owner: Owner, now: datetime | None = None, topics: int = 3
) -> tuple[list[int], list[str]]:
    """Seen questions in the owner's weakest topics, least recalled first, and those topics' names."""
    report = progress(owner=owner, now=now)
    slugs = [m.key for m in report.weakest[:topics]]
    if not slugs:
        return [], []
    now = now or timezone.now()
    cards = _cards(owner).filter(question__topics__slug__in=slugs).distinct()
    ordered = sorted(cards, key=lambda card: scheduling.retrievability(card.memory, now=now))
    return [card.question_id for card in ordered], [m.label for m in report.weakest[:topics]]


def owner_export(*, owner: Owner) -> dict[str, Any]:
    """All practice data one owner has, as JSON-ready values."""
    cards = Card.objects.owned_by(owner).select_related("question").prefetch_related("reviews")
    sessions = PracticeSession.objects.owned_by(owner).prefetch_related("items__question")
    return {
        "cards": [
            {
                "question": card.question.slug,
                "phase": card.get_phase_display(),
                "stability": card.stability,
                "difficulty": card.difficulty,
                "due": card.due.isoformat(),
                "last_review": card.last_review.isoformat() if card.last_review else None,
                "reviews": [
                    {
                        "rating": review.get_grade_display(),
                        "reviewed_at": review.reviewed_at.isoformat(),
                        "answer": review.answer,
                        "key_points_covered": review.covered,
                        "key_points": review.key_point_count,
                    }
                    for review in card.reviews.all()
                ],
            }
            for card in cards
        ],
        "sessions": [
            {
                "title": session.title,
                "scope": session.scope,
                "scope_query": session.scope_query,
                "created_at": session.created_at.isoformat(),
                "finished_at": session.finished_at.isoformat() if session.finished_at else None,
                "items": [
                    {"question": item.question.slug, "answer": item.answer} for item in session.items.all()
                ],
            }
            for session in sessions
        ],
        "stars": [star.question.slug for star in Star.objects.owned_by(owner).select_related("question")],
        "notes": [note.as_export() for note in Note.objects.owned_by(owner).select_related("question")],
    }

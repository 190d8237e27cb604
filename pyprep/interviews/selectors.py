"""Reads for interviews: a kit drawn from the bank, an interviewer's plans, a plan's sheet and report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects

from pyprep.bank import selectors as bank_selectors
from pyprep.bank.filters import QuestionFilter
from pyprep.bank.levels import LEVEL_BY_VALUE, Kind, neighbouring_levels
from pyprep.bank.models import CuratedSet, Question, Topic
from pyprep.interviews.kit import (
    KitOptions,
    KitParamError,
    rubric_rows,
    suggested_minutes,
)
from pyprep.interviews.models import InterviewPlan, PlanQuestion, PlanRow
from pyprep.interviews.scoring import LevelEstimate, Tally, level_estimate, tally, tally_by
from pyprep.interviews.sheet import SheetRow


@dataclass(frozen=True)
class RedFlag:
    claim: str
    correction: str


@dataclass(frozen=True)
class KitItem:
    question: Question
    topic: Topic | None  # the main topic, the one the draw balanced on
    rows: tuple[str, ...]
    follow_ups: tuple[str, ...]
    red_flags: tuple[RedFlag, ...]
    minutes: int


@dataclass(frozen=True)
class Widening:
    label: str
    querystring: str


@dataclass(frozen=True)
class Shortfall:
    """Fewer questions fit than were asked for, and the ways to widen the kit."""

    found: int
    wanted: int
    widen: tuple[Widening, ...]


@dataclass(frozen=True)
class Kit:
    options: KitOptions  # with the seed it was drawn with
    items: tuple[KitItem, ...]  # the concept questions, then the challenge if one was asked for
    shortfall: Shortfall | None
    challenge_missing: bool  # a challenge was asked for and none fits the level

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.items)

    def sheet_rows(self) -> list[SheetRow]:
        return [
            SheetRow(
                question=item.question.title,
                slug=item.question.slug,
                level=item.question.level,
                topic=item.topic.name if item.topic else "",
                key_point=row,
            )
            for item in self.items
            for row in item.rows
        ]


def _item(question: Question) -> KitItem:
    topics = list(question.topics.all())
    return KitItem(
        question=question,
        topic=topics[0] if topics else None,
        rows=rubric_rows([point.text for point in question.key_points.all()]),
        follow_ups=tuple(follow_up.text for follow_up in question.follow_ups.all()),
        red_flags=tuple(
            RedFlag(claim=m.claim, correction=m.correction) for m in question.misconceptions.all()
        ),
        minutes=suggested_minutes(level=question.level, kind=question.kind),
    )


def kit_build(*, options: KitOptions) -> Kit:
    """Draw a kit's questions (reproducible for its seed) with their rubric rows, follow-ups and red flags.

    Raises KitParamError for a set that does not exist.
    """
    if options.seed is None:
        raise KitParamError("A kit needs a seed.")
    if options.set_slug and not CuratedSet.objects.filter(slug=options.set_slug).exists():
        raise KitParamError(f"No curated set with slug {options.set_slug!r}.")
    concepts = QuestionFilter(levels=(options.level,), topics=options.topics, kind=Kind.CONCEPT.value)
    questions = bank_selectors.questions_drawn(
        qfilter=concepts, count=options.count, seed=options.seed, set_slug=options.set_slug
    )
    challenge: list[Question] = []
    if options.challenge:
        # A live-coding item on the kit's topics if there is one, else any at the level.
        for topics in (options.topics, ()) if options.topics else ((),):
            challenge = bank_selectors.questions_drawn(
                qfilter=QuestionFilter(levels=(options.level,), topics=topics, kind=Kind.CHALLENGE.value),
                count=1,
                seed=options.seed,
            )
            if challenge:
                break
    drawn = [*questions, *challenge]
    prefetch_related_objects(drawn, "key_points", "follow_ups", "misconceptions")
    shortfall = _shortfall(options=options, found=len(questions)) if len(questions) < options.count else None
    return Kit(
        options=options,
        items=tuple(_item(q) for q in drawn),
        shortfall=shortfall,
        challenge_missing=options.challenge and not challenge,
    )


def _shortfall(*, options: KitOptions, found: int) -> Shortfall:
    widen: list[Widening] = []
    if found:
        widen.append(
            Widening(
                f"Ask {found} question{'s' if found != 1 else ''} instead", options.querystring(count=found)
            )
        )
    if options.topics:
        widen.append(Widening("Every topic at this level", options.querystring(topic="")))
    if options.set_slug:
        widen.append(Widening("The whole bank, not only the set", options.querystring(set="")))
    neighbours = neighbouring_levels(options.level)
    qs = Question.objects.published().filter(kind=Kind.CONCEPT.value, level__in=neighbours)
    if options.topics:
        qs = qs.filter(topics__slug__in=options.topics)
    if options.set_slug:
        qs = qs.filter(curated_sets__slug=options.set_slug)
    counts = dict(qs.values_list("level").annotate(n=Count("pk", distinct=True)).values_list("level", "n"))
    for level in neighbours:
        if counts.get(level):
            label = LEVEL_BY_VALUE[level].label
            widen.append(
                Widening(f"{label} questions instead ({counts[level]} fit)", options.querystring(level=level))
            )
    return Shortfall(found=found, wanted=options.count, widen=tuple(widen))


def plans_owned(*, user_id: int) -> QuerySet[InterviewPlan]:
    """An interviewer's plans, newest first, with how many rubric rows each has and how many are scored."""
    return InterviewPlan.objects.filter(owner_id=user_id).annotate(
        row_count=Count("questions__rows"),
        scored_count=Count("questions__rows", filter=Q(questions__rows__score__isnull=False)),
        question_count=Count("questions", distinct=True),
    )


def plan_owned(*, user_id: int, pk: int) -> InterviewPlan | None:
    """The plan if this user owns it; None for anyone else's (their views answer 404)."""
    return InterviewPlan.objects.filter(owner_id=user_id, pk=pk).first()


def plan_shared(*, token: str) -> InterviewPlan | None:
    """The plan a read-only share link points at; None once the owner revoked it."""
    if not token:
        return None
    return InterviewPlan.objects.filter(share_token=token).first()


def row_owned(*, plan: InterviewPlan, pk: int) -> PlanRow | None:
    return PlanRow.objects.select_related("plan_question").filter(plan_question__plan=plan, pk=pk).first()


def plan_question_owned(*, plan: InterviewPlan, pk: int) -> PlanQuestion | None:
    return PlanQuestion.objects.filter(plan=plan, pk=pk).first()


def plan_questions(*, plan: InterviewPlan) -> list[PlanQuestion]:
    """The plan's questions in order, each with its bank question, topics and rubric rows."""
    return list(
        PlanQuestion.objects.filter(plan=plan)
        .select_related("question")
        .prefetch_related(
            Prefetch("question__topics", queryset=Topic.objects.order_by("position", "name")), "rows"
        )
        .order_by("position")
    )


def _main_topic(plan_question: PlanQuestion) -> str:
    topics = list(plan_question.question.topics.all())
    return topics[0].name if topics else ""


@dataclass(frozen=True)
class ReportQuestion:
    plan_question: PlanQuestion
    topic: str
    tally: Tally


@dataclass(frozen=True)
class Report:
    plan: InterviewPlan
    questions: tuple[ReportQuestion, ...]
    topics: tuple[tuple[str, Tally], ...]
    overall: Tally
    estimate: LevelEstimate

    def sheet_rows(self) -> list[SheetRow]:
        return plan_sheet_rows(items=[item.plan_question for item in self.questions])


def plan_sheet_rows(*, items: Sequence[PlanQuestion]) -> list[SheetRow]:
    """The sheet of a plan as scored so far: one row per (question, rubric row), the note on each row."""
    return [
        SheetRow(
            question=item.question.title,
            slug=item.question.slug,
            level=item.question.level,
            topic=_main_topic(item),
            key_point=row.key_point,
            score=row.score,
            notes=item.note,
        )
        for item in items
        for row in item.rows.all()
    ]


def plan_report(*, plan: InterviewPlan) -> Report:
    """Scores per question and per topic (as a share of the maximum), the level estimate and its reasons."""
    items = plan_questions(plan=plan)
    questions = tuple(
        ReportQuestion(
            plan_question=item, topic=_main_topic(item), tally=tally(row.score for row in item.rows.all())
        )
        for item in items
    )
    topics = tuple(
        tally_by(
            (question.topic or "Other", row.score)
            for question in questions
            for row in question.plan_question.rows.all()
        )
    )
    overall = tally(row.score for item in items for row in item.rows.all())
    return Report(
        plan=plan,
        questions=questions,
        topics=topics,
        overall=overall,
        estimate=level_estimate(level=plan.level, overall=overall),
    )

"""Workflows on the bank: syncing content files into the database, keeping search current, running examples."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from pyprep.bank import search
from pyprep.bank.content import ContentBundle, ContentError, QuestionSpec, read_bundle
from pyprep.bank.models import (
    CuratedSet,
    CuratedSetItem,
    Example,
    FollowUp,
    KeyPoint,
    Question,
    Status,
    Topic,
)
from pyprep.bank.verification import ExampleCheck, output_diff
from pyprep.judge.examples import run_examples

logger = logging.getLogger(__name__)


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    archived: list[str] = field(default_factory=list)
    topics: int = 0
    sets: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.archived)

    def __str__(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, {self.unchanged} unchanged, "
            f"{len(self.archived)} archived; {self.topics} topics, {self.sets} sets"
        )


def _question_state(question: Question) -> tuple[object, ...]:
    """Everything a content file defines about a question, for change detection."""
    return (
        question.title,
        question.asked_as,
        question.level,
        question.kind,
        question.status,
        question.summary,
        question.answer,
        tuple(sorted(question.topics.values_list("slug", flat=True))),
        tuple(question.related.order_by("slug").values_list("slug", flat=True)),
        tuple(question.key_points.values_list("text", flat=True)),
        tuple(question.examples.values_list("title", "code", "output", "source_line")),
        tuple(question.follow_ups.values_list("text", flat=True)),
        question.source_path,
    )


def _spec_state(spec: QuestionSpec) -> tuple[object, ...]:
    return (
        spec.title,
        "\n".join(spec.asked_as),
        spec.level,
        spec.kind,
        spec.status,
        spec.summary,
        spec.answer,
        tuple(sorted(spec.topics)),
        tuple(sorted(spec.related)),
        spec.key_points,
        tuple((e.title, e.code, e.output, e.line) for e in spec.examples),
        spec.follow_ups,
        spec.path,
    )


def _write_question_parts(question: Question, spec: QuestionSpec, topics: dict[str, Topic]) -> None:
    question.topics.set([topics[slug] for slug in spec.topics])
    question.key_points.all().delete()
    KeyPoint.objects.bulk_create(
        KeyPoint(question=question, position=index, text=text) for index, text in enumerate(spec.key_points)
    )
    question.examples.all().delete()
    Example.objects.bulk_create(
        Example(
            question=question, position=index, title=e.title, code=e.code, output=e.output, source_line=e.line
        )
        for index, e in enumerate(spec.examples)
    )
    question.follow_ups.all().delete()
    FollowUp.objects.bulk_create(
        FollowUp(question=question, position=index, text=text) for index, text in enumerate(spec.follow_ups)
    )


@transaction.atomic
def content_sync(*, bundle: ContentBundle) -> SyncReport:
    """Write a validated content bundle to the database; archive what the files no longer hold."""
    report = SyncReport()
    topics: dict[str, Topic] = {}
    for topic_spec in bundle.topics:
        topic, _ = Topic.objects.update_or_create(
            slug=topic_spec.slug,
            defaults={
                "name": topic_spec.name,
                "description": topic_spec.description,
                "position": topic_spec.position,
            },
        )
        topics[topic.slug] = topic
    report.topics = len(topics)

    existing = {q.slug: q for q in Question.objects.all()}
    touched: list[Question] = []
    changed_specs: list[QuestionSpec] = []
    for spec in bundle.questions:
        question = existing.get(spec.slug)
        if question is not None and _question_state(question) == _spec_state(spec):
            report.unchanged += 1
            continue
        fields = {
            "title": spec.title,
            "asked_as": "\n".join(spec.asked_as),
            "level": spec.level,
            "kind": spec.kind,
            "status": spec.status,
            "summary": spec.summary,
            "answer": spec.answer,
            "source_path": spec.path,
        }
        if question is None:
            question = Question.objects.create(slug=spec.slug, **fields)
            existing[spec.slug] = question
            report.created.append(spec.slug)
        else:
            for name, value in fields.items():
                setattr(question, name, value)
            question.save()
            report.updated.append(spec.slug)
        _write_question_parts(question, spec, topics)
        touched.append(question)
        changed_specs.append(spec)
    # Related links may point at questions created later in the same run, so they go last.
    for spec in changed_specs:
        existing[spec.slug].related.set([existing[slug] for slug in spec.related])

    in_files = {spec.slug for spec in bundle.questions}
    for slug, question in existing.items():
        if slug not in in_files and question.source_path and question.status != Status.ARCHIVED:
            question.status = Status.ARCHIVED
            question.save(update_fields=["status", "updated_at"])
            report.archived.append(slug)
            touched.append(question)

    for set_spec in bundle.sets:
        curated, _ = CuratedSet.objects.update_or_create(
            slug=set_spec.slug,
            defaults={
                "title": set_spec.title,
                "description": set_spec.description,
                "featured": set_spec.featured,
            },
        )
        wanted = [(existing[slug].pk, position) for position, slug in enumerate(set_spec.questions)]
        current = list(curated.items.order_by("position").values_list("question_id", "position"))
        if current != wanted:
            curated.items.all().delete()
            CuratedSetItem.objects.bulk_create(
                CuratedSetItem(curated_set=curated, question_id=question_id, position=position)
                for question_id, position in wanted
            )
    report.sets = len(bundle.sets)

    search.index_questions(questions=touched)
    return report


def question_after_admin_save(*, question: Question) -> None:
    """Keep search in step with an edit made in the admin."""
    search.index_questions(questions=[question])


def examples_verify(*, questions: Sequence[QuestionSpec], workers: int | None = None) -> list[ExampleCheck]:
    """Run every example of the given questions in the judge's sandbox; compare what it prints with the page."""
    examples = [(spec, example) for spec in questions for example in spec.examples]
    results = run_examples([example.code for _, example in examples], slots=workers)
    checks: list[ExampleCheck] = []
    for (spec, example), result in zip(examples, results, strict=True):
        if result.status != "ok":
            detail = f"example failed ({result.status})\n{result.traceback or result.stdout}".rstrip()
            checks.append(ExampleCheck(spec.path, example.line, False, detail))
            continue
        diff = output_diff(example.output, result.stdout)
        checks.append(
            ExampleCheck(spec.path, example.line, not diff, f"output differs\n{diff}" if diff else "")
        )
    return checks


@dataclass(frozen=True)
class LoadResult:
    report: SyncReport | None
    errors: list[ContentError]


def content_load(*, root: Path) -> LoadResult:
    """Read and validate every content file under root; write them only if all are valid."""
    from pyprep.challenges.content import challenge_bundle_hooks

    hooks = challenge_bundle_hooks(root=root)
    bundle, errors = read_bundle(root, extra_questions=hooks.questions)
    errors = sorted(set(errors + hooks.errors))
    if errors:
        return LoadResult(None, errors)
    with transaction.atomic():
        report = content_sync(bundle=bundle)
        hooks.sync()
    return LoadResult(report, [])

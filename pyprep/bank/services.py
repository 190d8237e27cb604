"""Workflows on the bank: syncing content files into the database, keeping search current, running examples."""

from __future__ import annotations

import datetime
import logging
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction

from pyprep.bank import registry, search
from pyprep.bank.content import ContentBundle, ContentError, ExampleSpec, QuestionSpec, read_bundle
from pyprep.bank.matrix import programs_run
from pyprep.bank.models import (
    CuratedSet,
    CuratedSetItem,
    Example,
    FollowUp,
    KeyPoint,
    Misconception,
    Question,
    QuestionEmbedding,
    Status,
    Topic,
)
from pyprep.bank.pagecache import bank_changed_on_commit
from pyprep.bank.rendering import ExampleSource, QuestionSource, render_question
from pyprep.bank.verification import ExampleCheck, output_diff
from pyprep.bank.versions import SUPPORTED, expected_output, interpreters_find, runs_on, version_key
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


def _spec_concepts(spec: QuestionSpec) -> tuple[list[list[str]], ...]:
    """Each key point's rubric concepts as stored ([] where the file gives none)."""
    points = spec.rubric.points if spec.rubric else ()
    return tuple(
        [list(c.alternatives) for c in points[i].concepts] if i < len(points) and points[i] else []  # type: ignore[union-attr]
        for i in range(len(spec.key_points))
    )


def _write_question_parts(question: Question, spec: QuestionSpec, topics: dict[str, Topic]) -> None:
    question.topics.set([topics[slug] for slug in spec.topics])
    question.key_points.all().delete()
    KeyPoint.objects.bulk_create(
        KeyPoint(question=question, position=index, text=text, concepts=concepts)
        for index, (text, concepts) in enumerate(zip(spec.key_points, _spec_concepts(spec), strict=True))
    )
    question.misconceptions.all().delete()
    Misconception.objects.bulk_create(
        Misconception(
            question=question,
            position=index,
            claim=item.claim,
            concepts=[list(c.alternatives) for c in item.concepts],
            unless=list(item.unless),
            contradicts=[i + 1 for i in item.contradicts],
            correction=item.correction,
        )
        for index, item in enumerate(spec.rubric.misconceptions if spec.rubric else ())
    )
    question.examples.all().delete()
    Example.objects.bulk_create(
        Example(
            question=question,
            position=index,
            title=e.title,
            code=e.code,
            output=e.output,
            min_version=e.min_version,
            output_variants=[list(v) for v in e.variants],
            source_line=e.line,
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

    # One query: every row, and whether it has a search vector yet (rows stored before dense search had none).
    existing = {
        q.slug: q
        for q in Question.objects.annotate(
            has_vector=models.Exists(QuestionEmbedding.objects.filter(question=models.OuterRef("pk")))
        )
    }
    touched: list[Question] = []
    changed_specs: list[QuestionSpec] = []
    for spec in bundle.questions:
        question = existing.get(spec.slug)
        # The stored digest of the file's fields decides, without reading a question's parts.
        if question is not None and question.content_hash == spec.content_hash:
            report.unchanged += 1
            continue
        fields = {
            "content_hash": spec.content_hash,
            "title": spec.title,
            "asked_as": "\n".join(spec.asked_as),
            "docs": list(spec.docs),
            "reviewed_on": datetime.date.fromisoformat(spec.reviewed) if spec.reviewed else None,
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
            # Forget the digest: should the file come back, the load publishes it again.
            question.content_hash = ""
            question.save(update_fields=["status", "content_hash", "updated_at"])
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
        # Numbered from 1, as the admin numbers them (curated_set_renumber).
        wanted = [(existing[slug].pk, position) for position, slug in enumerate(set_spec.questions, start=1)]
        current = list(curated.items.order_by("position").values_list("question_id", "position"))
        if current != wanted:
            curated.items.all().delete()
            CuratedSetItem.objects.bulk_create(
                CuratedSetItem(curated_set=curated, question_id=question_id, position=position)
                for question_id, position in wanted
            )
    report.sets = len(bundle.sets)

    unindexed = [q for q in existing.values() if not getattr(q, "has_vector", True) and q not in touched]
    search.index_questions(questions=[*touched, *unindexed])
    # What this load wrote and what was never rendered; an unchanged reload reads no question parts. After a
    # renderer or Pygments upgrade, `load_content --rerender` re-renders every page.
    to_render = {question.pk for question in touched} | {
        q.pk for q in existing.values() if not q.rendered_hash
    }
    if to_render:
        questions_render(questions=Question.objects.filter(pk__in=to_render))
    return report


def curated_set_renumber(*, curated_set: CuratedSet) -> None:
    """Number a set's items 1..n in their current order (by position, then by when they were added)."""
    items = list(curated_set.items.order_by("position", "id"))
    changed = []
    for number, item in enumerate(items, start=1):
        if item.position != number:
            item.position = number
            changed.append(item)
    if changed:
        CuratedSetItem.objects.bulk_update(changed, ["position"])


def question_after_admin_save(*, question: Question) -> None:
    """Keep search and the stored page HTML in step with an edit made in the admin; the next content load
    puts the file's version back."""
    if question.content_hash:
        # The row no longer matches its file's digest: the files stay the source of truth.
        Question.objects.filter(pk=question.pk).update(content_hash="")
        question.content_hash = ""
    search.index_questions(questions=[question])
    questions_render(questions=Question.objects.filter(pk=question.pk))


RENDERED_FIELDS = ["summary_html", "answer_html", "examples_html", "key_points_html", "follow_ups_html"]


def question_source(question: Question) -> QuestionSource:
    """What the question's page renders from Markdown and code."""
    return QuestionSource(
        summary=question.summary,
        answer=question.answer,
        examples=tuple(
            ExampleSource(
                e.title,
                e.code,
                e.output,
                e.min_version,
                tuple((str(spec), str(text)) for spec, text in e.output_variants),
            )
            for e in question.examples.all()
        ),
        key_points=tuple(point.text for point in question.key_points.all()),
        follow_ups=tuple(item.text for item in question.follow_ups.all()),
    )


def questions_render(*, questions: Iterable[Question]) -> int:
    """Store the page HTML of each question whose sources changed since it was rendered; returns how many."""
    if isinstance(questions, models.QuerySet):
        questions = questions.prefetch_related("examples", "key_points", "follow_ups")
    changed: list[Question] = []
    for question in questions:
        source = question_source(question)
        if question.rendered_hash == source.digest():
            continue
        for name, value in asdict(render_question(source)).items():
            setattr(question, name, value)
        changed.append(question)
    if changed:
        Question.objects.bulk_update(changed, [*RENDERED_FIELDS, "rendered_hash"], batch_size=100)
        bank_changed_on_commit()
    return len(changed)


@dataclass(frozen=True)
class _Program:
    spec: QuestionSpec
    line: int
    code: str
    min_version: str
    example: ExampleSpec | None  # None for a check


@dataclass(frozen=True)
class MatrixReport:
    """The outcome of running every example and check on every Python version found."""

    versions: tuple[str, ...]
    missing: tuple[str, ...]
    results: tuple[ExampleCheck, ...]
    records: dict[str, dict[str, Any]]  # question slug -> its verification record

    @property
    def failures(self) -> list[ExampleCheck]:
        return [result for result in self.results if not result.ok]


def _judge_version() -> str:
    return f"{sys.version_info.major}.{sys.version_info.minor}"


def _run_on(
    version: str, python: Path | None, sources: list[str], workers: int | None
) -> list[tuple[bool, str, str]]:
    """(exited cleanly, stdout, error) per source: the judge's sandbox for its own version, else a child process."""
    if python is None:
        return [
            (r.status == "ok", r.stdout, f"({r.status})\n{r.traceback or r.stdout}".strip())
            for r in run_examples(sources, slots=workers)
        ]
    return [
        (r.ok, r.stdout, r.error) for r in programs_run(python=python, sources=sources, workers=workers or 2)
    ]


def verification_targets(interpreters: dict[str, Path] | None = None) -> dict[str, Path | None]:
    """Version -> interpreter to run it on, oldest first; None marks the judge's own, run in its sandbox."""
    found = interpreters_find() if interpreters is None else interpreters
    judge = _judge_version()
    targets: dict[str, Path | None] = {version: path for version, path in found.items() if version != judge}
    targets[judge] = None
    return dict(sorted(targets.items(), key=lambda item: version_key(item[0])))


def content_verify(
    *,
    questions: Sequence[QuestionSpec],
    workers: int | None = None,
    targets: dict[str, Path | None] | None = None,
) -> MatrixReport:
    """Run every example and check of the given questions on the judge's Python (in its sandbox) and on every
    other supported version found (or on `targets`, from `verification_targets`); an example must print its
    declared output for that version."""
    targets = verification_targets() if targets is None else targets
    versions = tuple(targets)
    programs = [
        _Program(spec, example.line, example.code, example.min_version, example)
        for spec in questions
        for example in spec.examples
    ] + [
        _Program(spec, check.line, check.code, check.min_version, None)
        for spec in questions
        for check in spec.checks
    ]
    passed: dict[int, list[str]] = {index: [] for index in range(len(programs))}
    results: list[ExampleCheck] = []
    for version in versions:
        chosen = [
            index for index, p in enumerate(programs) if runs_on(version=version, min_version=p.min_version)
        ]
        runs = _run_on(version, targets[version], [programs[index].code for index in chosen], workers)
        for index, (clean, stdout, error) in zip(chosen, runs, strict=True):
            program = programs[index]
            what = "example" if program.example else "check"
            if not clean:
                detail = f"{what} failed {error}".rstrip()
            elif program.example is None:
                detail = ""
            else:
                want = expected_output(
                    version=version, default=program.example.output, variants=program.example.variants
                )
                diff = output_diff(want, stdout)
                detail = f"output differs\n{diff}" if diff else ""
            results.append(ExampleCheck(program.spec.path, program.line, not detail, detail, version))
            if not detail:
                passed[index].append(version)
    records: dict[str, dict[str, Any]] = {}
    for spec in questions:
        indexes = [i for i, p in enumerate(programs) if p.spec is spec]
        example_versions = [passed[i] for i in indexes if programs[i].example is not None]
        every = [set(passed[i]) for i in indexes]
        records[spec.slug] = {
            "versions": sorted(set.intersection(*every), key=version_key) if every else list(versions),
            "examples": example_versions,
            "checks": len(spec.checks),
            "tried": list(versions),
            "content_hash": spec.content_hash,
        }
    missing = tuple(v for v in SUPPORTED if v not in versions)
    return MatrixReport(versions, missing, tuple(results), records)


def verification_stale(*, questions: Sequence[QuestionSpec], versions: Sequence[str]) -> list[QuestionSpec]:
    """The questions whose stored verification is missing, from other content, or from other versions."""
    stored = dict(
        Question.objects.filter(slug__in=[q.slug for q in questions]).values_list("slug", "verification")
    )
    return [
        spec
        for spec in questions
        if (record := stored.get(spec.slug)) is None
        or record.get("content_hash") != spec.content_hash
        or record.get("tried") != list(versions)
    ]


def verification_record(*, report: MatrixReport) -> int:
    """Store each question's verification record on its row; how many rows were updated."""
    updated = 0
    for slug, record in report.records.items():
        updated += Question.objects.filter(slug=slug).update(verification=record)
    if updated:
        bank_changed_on_commit()  # pages cached for visitors show the new record
    return updated


@dataclass(frozen=True)
class LoadResult:
    report: SyncReport | None
    errors: list[ContentError]


def content_load(*, root: Path) -> LoadResult:
    """Read and validate every content file under root; write them only if all are valid."""
    # Other apps' content (content/challenges, ...) comes from the sources they registered with the bank.
    contributions = [source(root=root) for source in registry.content_sources()]
    extra = [spec for part in contributions for spec in part.questions]
    bundle, errors = read_bundle(root, extra_questions=extra)
    errors = sorted(set(errors).union(*(part.errors for part in contributions)))
    if errors:
        return LoadResult(None, errors)
    with transaction.atomic():
        report = content_sync(bundle=bundle)
        for part in contributions:
            part.sync()
    return LoadResult(report, [])

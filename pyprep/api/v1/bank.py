"""Questions, topics and sets: public reads over the bank's selectors."""

from __future__ import annotations

from typing import Any

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Path, Query, Router
from ninja.errors import HttpError

from pyprep.api.v1.problems import errors
from pyprep.api.v1.schemas import (
    KindName,
    LevelName,
    QuestionDetail,
    QuestionPage,
    SetDetail,
    SetOut,
    TopicOut,
)
from pyprep.bank import selectors
from pyprep.bank.filters import FilterError, parse_filter
from pyprep.bank.models import CuratedSet, Question

NAMESPACE = "api-v1"
router = Router(tags=["bank"])
SLUG = r"^[-a-zA-Z0-9_]+$"


def question_summary(request: HttpRequest, question: Question) -> dict[str, Any]:
    return {
        "slug": question.slug,
        "title": question.title,
        "level": question.level,
        "topics": [topic.slug for topic in question.topics.all()],
        "kind": question.kind,
        "url": request.build_absolute_uri(question.get_absolute_url()),
        "quick_summary": question.summary,
    }


def _clean(text: str) -> str:
    # A NUL byte cannot reach a database query (PostgreSQL refuses it); it means nothing in a search.
    return text.replace("\x00", " ")


@router.get("/questions", response={200: QuestionPage, **errors(400, 404, 422, 429)})
def question_list(
    request: HttpRequest,
    q: str = Query("", max_length=200, description="Words to search for, ranked by relevance."),
    level: list[LevelName] = Query([], description="Repeat to combine levels."),
    topic: list[str] = Query([], description="Topic slugs (see /topics); repeat to combine."),
    kind: KindName | None = Query(None),
    page: int = Query(1, ge=1),
    per_page: int = Query(20, ge=1, le=100),
) -> dict[str, Any]:
    """Published questions matching the filters: by relevance when searching, else by level and title."""
    params = {"q": _clean(q), "level": ",".join(level), "topic": ",".join(topic), "kind": kind or ""}
    try:
        qfilter = parse_filter(params, known_topics=selectors.topic_slugs())
    except FilterError as exc:
        raise HttpError(400, str(exc)) from exc
    paginator = Paginator(selectors.questions_for_list(qfilter=qfilter), per_page)
    try:
        current = paginator.page(page)
    except EmptyPage as exc:
        raise HttpError(404, f"page is out of range: there are {paginator.num_pages} page(s).") from exc
    return {
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "results": [question_summary(request, question) for question in current.object_list],
    }


@router.get("/questions/{slug}", response={200: QuestionDetail, **errors(404, 422, 429)})
def question_detail(request: HttpRequest, slug: str = Path(..., pattern=SLUG)) -> dict[str, Any]:
    """One published question with its answer, key points, verified examples and follow-ups."""
    question = selectors.question_detail(slug=slug)
    if question is None:
        raise Http404(f"No published question with slug {slug!r}.")
    return {
        **question_summary(request, question),
        "level_band": question.level_band,
        "answer": question.answer,
        "key_points": [point.text for point in question.key_points.all()],
        "verified_on": question.verified_on,
        "examples": [
            {
                "title": example.title,
                "code": example.code,
                "output": example.output,
                "outputs": [{"versions": label, "output": text} for label, text in outputs],
                "min_version": example.min_version or None,
                "verified_on": versions,
            }
            for example, versions, outputs in question.examples_shown
        ],
        "follow_ups": [item.text for item in question.follow_ups.all()],
        "related": [other.slug for other in question.related.all()],
        "docs": list(question.docs or []),
        "reviewed_on": question.reviewed_on,
        "challenge_url": (
            request.build_absolute_uri(
                reverse(f"{NAMESPACE}:challenge_detail", kwargs={"slug": question.slug})
            )
            if question.is_challenge
            else None
        ),
        "updated_at": question.updated_at,
    }


@router.get("/topics", response={200: list[TopicOut], **errors(429)})
def topic_list(request: HttpRequest) -> list[dict[str, Any]]:
    """Every topic with how many published questions it has."""
    return [
        {"slug": topic.slug, "name": topic.name, "description": topic.description, "question_count": n}
        for topic, n in selectors.bank_counts().by_topic
    ]


def _set_out(request: HttpRequest, curated: CuratedSet, count: int) -> dict[str, Any]:
    return {
        "slug": curated.slug,
        "title": curated.title,
        "description": curated.description,
        "featured": curated.featured,
        "question_count": count,
        "url": request.build_absolute_uri(curated.get_absolute_url()),
    }


@router.get("/sets", response={200: list[SetOut], **errors(429)})
def set_list(request: HttpRequest) -> list[dict[str, Any]]:
    """Curated question sets, in the site's order."""
    return [_set_out(request, curated, curated.n) for curated in selectors.sets_listed()]  # type: ignore[attr-defined]


@router.get("/sets/{slug}", response={200: SetDetail, **errors(404, 422, 429)})
def set_detail(request: HttpRequest, slug: str = Path(..., pattern=SLUG)) -> dict[str, Any]:
    """A curated set with its published questions in order."""
    found = selectors.set_detail(slug=slug)
    if found is None:
        raise Http404(f"No curated set with slug {slug!r}.")
    curated, questions = found
    return {
        **_set_out(request, curated, len(questions)),
        "questions": [question_summary(request, question) for question in questions],
    }

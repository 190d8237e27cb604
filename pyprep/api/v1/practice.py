"""Practice with a token: due cards, sessions, reveal with feedback, rate, and progress."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Status
from ninja.errors import HttpError

from pyprep.api.v1.auth import request_user, token_auth
from pyprep.api.v1.bank import question_summary
from pyprep.api.v1.problems import errors
from pyprep.api.v1.schemas import (
    DueOut,
    ProgressOut,
    RateIn,
    RateOut,
    RevealIn,
    RevealOut,
    SessionIn,
    SessionOut,
)
from pyprep.bank import selectors as bank_selectors
from pyprep.bank.filters import FilterError, QuestionFilter, parse_filter
from pyprep.practice import selectors, services
from pyprep.practice.feedback import Feedback
from pyprep.practice.models import PracticeSession, Scope, SessionItem
from pyprep.practice.ownership import Owner
from pyprep.practice.scheduling import Grade

router = Router(tags=["practice"], auth=token_auth)


def _owner(request: HttpRequest) -> Owner:
    return Owner(user_id=request_user(request).pk)


def _session(request: HttpRequest, pk: int) -> PracticeSession:
    session = selectors.session_owned(owner=_owner(request), pk=pk)
    if session is None:
        raise Http404("No practice session of yours has that number.")
    return session


def _item(session: PracticeSession, pk: int) -> SessionItem:
    item = SessionItem.objects.filter(session=session, pk=pk).select_related("question").first()
    if item is None:
        raise Http404("This session has no card with that item number.")
    return item


def session_out(session: PracticeSession) -> dict[str, Any]:
    view = selectors.session_view(session=session)
    current = None
    if view.current is not None:
        question = view.current.question
        current = {
            "item": view.current.item.pk,
            "position": view.current.item.position,
            "question": {
                "slug": question.slug,
                "title": question.title,
                "level": question.level,
                "topics": [topic.slug for topic in question.topics.all()],
            },
            "revealed": view.current.item.revealed_at is not None,
            "intervals": {grade.label: label for grade, label in view.current.intervals},
        }
    return {
        "id": session.pk,
        "title": session.title,
        "scope": session.scope,
        "total": view.total,
        "done": view.done,
        "finished": session.finished_at is not None or view.current is None,
        "current": current,
    }


@router.get("/practice/due", response={200: DueOut, **errors(401, 429)})
def due(request: HttpRequest) -> dict[str, Any]:
    """What is due for review today, most overdue first, and how many new questions you can still start."""
    owner = _owner(request)
    ids = selectors.due_question_ids(owner=owner)
    by_id = {q.pk: q for q in bank_selectors.questions_for_list(qfilter=QuestionFilter(), only_ids=set(ids))}
    return {
        "due_count": selectors.due_count(owner=owner),
        "new_left_today": selectors.new_cards_left_today(owner=owner),
        "questions": [question_summary(request, by_id[pk]) for pk in ids if pk in by_id],
    }


def _candidates(request: HttpRequest, payload: SessionIn) -> tuple[Scope, list[int], str, str]:
    """The questions a session may ask, its title and the query it remembers; raises FilterError."""
    owner = _owner(request)
    if payload.scope == "due":
        return Scope.DUE, selectors.due_question_ids(owner=owner), "Due for review", "scope=due"
    if payload.scope == "weak":
        ids, names = selectors.weak_topic_question_ids(owner=owner)
        return (
            Scope.WEAK,
            ids,
            f"Weak topics: {', '.join(names)}" if names else "My weak topics",
            "scope=weak",
        )
    if payload.scope == "set":
        found = bank_selectors.set_detail(slug=payload.set)
        if found is None:
            raise FilterError(f"No curated set with slug {payload.set!r}; see /api/v1/sets.")
        curated, _questions = found
        return (
            Scope.SET,
            bank_selectors.set_question_ids(slug=curated.slug),
            curated.title,
            f"set={curated.slug}",
        )
    params = {
        "q": payload.q.replace("\x00", " "),
        "level": ",".join(payload.level),
        "topic": ",".join(payload.topic),
        "kind": payload.kind or "",
    }
    qfilter = parse_filter(params, known_topics=bank_selectors.topic_slugs())
    title = "All questions" if qfilter.is_empty else f"Practice: {qfilter.querystring()}"
    return Scope.FILTER, bank_selectors.question_ids_filtered(qfilter=qfilter), title, qfilter.querystring()


@router.post("/practice/sessions", response={201: SessionOut, **errors(400, 401, 409, 422, 429)})
def session_create(request: HttpRequest, payload: SessionIn) -> Status:
    """Start a session: due cards first, then new ones within today's limit, like on the site."""
    try:
        scope, ids, title, query = _candidates(request, payload)
    except FilterError as exc:
        raise HttpError(400, str(exc)) from exc
    try:
        session = services.session_start(
            owner=_owner(request),
            scope=scope,
            candidate_ids=ids,
            title=title,
            scope_query=query,
            length=payload.length,
        )
    except services.NothingToPractise as exc:
        raise HttpError(409, str(exc)) from exc
    return Status(201, session_out(session))


@router.get("/practice/sessions/{pk}", response={200: SessionOut, **errors(401, 404, 422, 429)})
def session_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    """A session's progress and the card to answer now."""
    return session_out(_session(request, pk))


@router.post("/practice/sessions/{pk}/reveal", response={200: RevealOut, **errors(400, 401, 404, 422, 429)})
def session_reveal(request: HttpRequest, pk: int, payload: RevealIn) -> dict[str, Any]:
    """Send your answer and see the key points it covered and missed; revealing twice keeps the first answer."""
    item = services.session_item_reveal(
        item=_item(_session(request, pk), payload.item), answer=payload.answer
    )
    verdict = Feedback.from_dict(item.feedback or {})
    return {
        "item": item.pk,
        "answer": item.answer,
        "covered": verdict.covered_count,
        "key_point_count": len(verdict.points),
        "key_points": [point_out(point) for point in (item.feedback or {}).get("points", [])],
        "notice": verdict.notice,
        "quick_summary": item.question.summary,
        "full_answer": item.question.answer,
    }


def point_out(point: dict[str, Any]) -> dict[str, Any]:
    """One key point's verdict as the matcher stored it; older verdicts have no status, only covered."""
    covered = bool(point.get("covered"))
    return {
        "text": str(point.get("text", "")),
        "status": str(point.get("status") or ("covered" if covered else "missed")),
        "covered": covered,
        "matched": [str(word) for word in point.get("matched") or []],
        "evidence": str(point.get("evidence") or ""),
        "correction": str(point.get("correction") or ""),
    }


@router.post("/practice/sessions/{pk}/rate", response={200: RateOut, **errors(400, 401, 404, 409, 422, 429)})
def session_rate(request: HttpRequest, pk: int, payload: RateIn) -> dict[str, Any]:
    """Rate the card 1–4 (Again, Hard, Good, Easy); the scheduler decides when it comes back."""
    session = _session(request, pk)
    item = _item(session, payload.item)
    if session.finished_at is not None and item.review is None:
        raise HttpError(409, "This session has ended; start a new one to keep practising.")
    review = services.review_record(item=item, grade=Grade(payload.grade))
    session.refresh_from_db()
    return {"rating": Grade(review.grade).label, "due": review.due_after, "session": session_out(session)}


@router.get("/me/progress", response={200: ProgressOut, **errors(401, 429)})
def my_progress(request: HttpRequest) -> dict[str, Any]:
    """Your reviews, streak, recall by topic and level, and your weakest topics."""
    owner = _owner(request)
    report = selectors.progress(owner=owner)

    def mastery(items: list[Any]) -> list[dict[str, Any]]:
        return [
            {
                "key": m.key,
                "label": m.label,
                "total": m.total,
                "seen": m.seen,
                "recall_percent": m.percent,
                "recall_in_a_week_percent": m.week_percent,
            }
            for m in items
        ]

    return {
        "reviews_total": report.reviews_total,
        "cards_seen": report.cards_seen,
        "streak": report.streak,
        "due_today": selectors.due_count(owner=owner),
        "by_topic": mastery(report.by_topic),
        "by_level": mastery(report.by_level),
        "weakest": mastery(report.weakest),
    }

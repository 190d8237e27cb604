"""Practice pages: choose, answer, reveal, rate, summary, progress, stars and notes. Rules live in services."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from pyprep.bank import selectors as bank_selectors
from pyprep.bank.filters import FilterError, QuestionFilter, parse_filter
from pyprep.bank.models import CuratedSet, Question
from pyprep.practice import charts, selectors, services
from pyprep.practice.conf import MAX_SESSION_LENGTH, default_session_length
from pyprep.practice.models import PracticeSession, Scope, SessionItem
from pyprep.practice.ownership import owner_of
from pyprep.practice.scheduling import Grade


def _session_or_404(request: HttpRequest, pk: int) -> PracticeSession:
    session = selectors.session_owned(owner=owner_of(request), pk=pk)
    if session is None:
        # Someone else's session looks exactly like a missing one.
        raise Http404("No practice session of yours has that number.")
    return session


def _describe(params: QueryDict) -> tuple[Scope, str, str, QuestionFilter | None]:
    """The scope a start request asks for, its title and the query to remember; raises FilterError."""
    if params.get("scope") == Scope.DUE:
        return Scope.DUE, "Due for review", "scope=due", None
    if params.get("scope") == Scope.WEAK:
        return Scope.WEAK, "My weak topics", "scope=weak", None
    if params.get("question"):
        question = Question.objects.published().filter(slug=params["question"]).first()
        if question is None:
            raise FilterError("That question does not exist or is not published.")
        return Scope.QUESTION, question.title, urlencode({"question": question.slug}), None
    if params.get("set"):
        curated = CuratedSet.objects.filter(slug=params["set"]).first()
        if curated is None:
            raise FilterError("That curated set does not exist.")
        return Scope.SET, curated.title, urlencode({"set": curated.slug}), None
    qfilter = parse_filter(params, known_topics=bank_selectors.topic_slugs())
    return Scope.FILTER, _filter_title(qfilter), qfilter.querystring(), qfilter


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


def _length(params: QueryDict) -> int:
    try:
        return max(1, min(int(params.get("length", default_session_length())), MAX_SESSION_LENGTH))
    except ValueError:
        return default_session_length()


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    owner = owner_of(request)
    error = ""
    try:
        scope, title, query, _qfilter = _describe(request.GET)
    except FilterError as exc:
        scope, title, query, error = Scope.FILTER, "All questions", "", str(exc)
    context = {
        "scope": scope,
        "title": title,
        "query_pairs": QueryDict(query).lists(),
        "length": _length(request.GET),
        "max_length": MAX_SESSION_LENGTH,
        "error": error,
        "due_now": selectors.due_count(owner=owner),
        "new_left": selectors.new_cards_left_today(owner=owner),
        "unfinished": selectors.session_latest_unfinished(owner=owner),
        "sets": bank_selectors.sets_listed(),
        "topics": bank_selectors.bank_counts().by_topic,
    }
    return render(request, "practice/start.html", context)


@require_POST
def session_create(request: HttpRequest) -> HttpResponse:
    owner = owner_of(request, create=True)
    try:
        scope, title, query, qfilter = _describe(request.POST)
    except FilterError as exc:
        messages.error(request, str(exc))
        return redirect("practice:start")
    if scope == Scope.DUE:
        ids = selectors.due_question_ids(owner=owner)
    elif scope == Scope.WEAK:
        ids, names = selectors.weak_topic_question_ids(owner=owner)
        title = f"Weak topics: {', '.join(names)}" if names else title
    elif scope == Scope.QUESTION:
        ids = list(
            Question.objects.published().filter(slug=request.POST["question"]).values_list("pk", flat=True)
        )
    elif scope == Scope.SET:
        ids = bank_selectors.set_question_ids(slug=request.POST["set"])
    else:
        ids = bank_selectors.question_ids_filtered(qfilter=qfilter or QuestionFilter())
    try:
        session = services.session_start(
            owner=owner,
            scope=scope,
            candidate_ids=ids,
            title=title,
            scope_query=query,
            length=_length(request.POST),
        )
    except services.NothingToPractise as exc:
        messages.error(request, str(exc))
        return redirect(reverse("practice:start") + (f"?{query}" if query else ""))
    return redirect(session)


@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session_or_404(request, pk)
    view = selectors.session_view(session=session)
    if view.current is None:
        return redirect("practice:summary", pk=session.pk)
    return render(
        request, "practice/session.html", {"view": view, "card": view.current, "grades": list(Grade)}
    )


def _current_item(request: HttpRequest, session: PracticeSession) -> SessionItem:
    item = get_object_or_404(SessionItem, session=session, pk=request.POST.get("item") or 0)
    return item


@require_POST
def session_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session_or_404(request, pk)
    item = _current_item(request, session)
    services.session_item_reveal(item=item, answer=request.POST.get("answer", ""))
    return HttpResponseRedirect(session.get_absolute_url() + "#reveal")


@require_POST
def session_rate(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session_or_404(request, pk)
    item = _current_item(request, session)
    try:
        grade = Grade(int(request.POST.get("grade", "")))
    except ValueError:
        messages.error(request, "Choose a rating: Again, Hard, Good or Easy.")
        return redirect(session)
    if session.finished_at is not None:
        messages.info(request, "This session has ended; start a new one to keep practising.")
        return redirect("practice:summary", pk=session.pk)
    services.review_record(item=item, grade=grade)
    return redirect(session)


@require_POST
def session_finish(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session_or_404(request, pk)
    services.session_end(session=session)
    return redirect("practice:summary", pk=session.pk)


@require_GET
def session_summary(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session_or_404(request, pk)
    return render(request, "practice/summary.html", {"summary": selectors.session_summary(session=session)})


@require_GET
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.review_owned(owner=owner_of(request), pk=pk)
    if review is None:
        raise Http404("No review of yours has that number.")
    return render(request, "practice/review_detail.html", {"review": review})


@require_GET
def progress(request: HttpRequest) -> HttpResponse:
    report = selectors.progress(owner=owner_of(request))
    context = {
        "report": report,
        "reviews_chart": charts.bar_chart(
            [(day.strftime("%d %b"), n) for day, n in report.reviews_per_day], label_every=5
        ),
        "due_chart": charts.bar_chart(
            [(day.strftime("%a"), n) for day, n in report.due_per_day], label_every=1
        ),
    }
    return render(request, "practice/progress.html", context)


def _question_actions(request: HttpRequest, question: Question) -> HttpResponse:
    if getattr(request, "htmx", False):
        return render(request, "bank/_question_actions.html", {"question": question})
    return redirect(question)


@require_POST
def star_toggle(request: HttpRequest, slug: str) -> HttpResponse:
    question = get_object_or_404(Question.objects.published(), slug=slug)
    services.star_toggle(owner=owner_of(request, create=True), question=question)
    return _question_actions(request, question)


@require_POST
def note_save(request: HttpRequest, slug: str) -> HttpResponse:
    question = get_object_or_404(Question.objects.published(), slug=slug)
    text = request.POST.get("text", "")
    if len(text) > 5000:
        messages.error(request, "A note can hold at most 5,000 characters.")
    else:
        services.note_save(owner=owner_of(request, create=True), question=question, text=text)
    return _question_actions(request, question)

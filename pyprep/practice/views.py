"""Practice pages: choose, answer, reveal, rate, summary, progress, stars and notes. Rules live in services."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    QueryDict,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pyprep.bank import registry
from pyprep.bank import selectors as bank_selectors
from pyprep.bank.filters import FilterError
from pyprep.bank.http import HtmxHttpRequest
from pyprep.bank.models import Question
from pyprep.practice import charts, mastery, selectors, services
from pyprep.practice.conf import MAX_NEW_CARDS_PER_DAY, MAX_SESSION_LENGTH
from pyprep.practice.models import PracticeSession, Scope, SessionItem
from pyprep.practice.ownership import Owner, owner_of
from pyprep.practice.scheduling import Grade

BAD_ITEM = "The card number in this form is not a number. Reload the session page and try again."


def _session_or_404(request: HttpRequest, pk: int) -> PracticeSession:
    session = selectors.session_owned(owner=owner_of(request), pk=pk)
    if session is None:
        # Someone else's session looks exactly like a missing one.
        raise Http404("No practice session of yours has that number.")
    return session


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    owner = owner_of(request)
    due_now, next_due = selectors.due_overview(owner=owner)
    error = ""
    try:
        choice = selectors.session_scope(params=request.GET)
        scope, title, query = choice.scope, choice.title, choice.query
    except FilterError as exc:
        scope, title, query, error = Scope.FILTER, "All questions", "", str(exc)
    context = {
        "scope": scope,
        "title": title,
        "query_pairs": QueryDict(query).lists(),
        "length": selectors.session_length(requested=request.GET.get("length")),
        "max_length": MAX_SESSION_LENGTH,
        "error": error,
        "due_now": due_now,
        "next_due": next_due,
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
        candidates = selectors.session_candidates(owner=owner, params=request.POST)
    except FilterError as exc:
        messages.error(request, str(exc))
        return redirect("practice:start")
    try:
        session = services.session_start(
            owner=owner,
            scope=candidates.scope,
            candidate_ids=candidates.question_ids,
            title=candidates.title,
            scope_query=candidates.query,
            length=selectors.session_length(requested=request.POST.get("length")),
        )
    except services.NothingToPractise as exc:
        messages.error(request, str(exc))
        query = candidates.query
        return redirect(reverse("practice:start") + (f"?{query}" if query else ""))
    return redirect(session)


@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    view = selectors.session_view_owned(owner=owner_of(request), pk=pk)
    if view is None:
        raise Http404("No practice session of yours has that number.")
    if view.current is None:
        return redirect("practice:summary", pk=view.session.pk)
    return render(
        request, "practice/session.html", {"view": view, "card": view.current, "grades": list(Grade)}
    )


def _item_number(request: HttpRequest) -> int | None:
    """The card a reveal or rate form names: 0 (found nowhere) when missing, None when it is not a number."""
    try:
        return int(request.POST.get("item") or 0)
    except ValueError:
        return None


def _item_or_404(session: PracticeSession, pk: int) -> SessionItem:
    item = selectors.session_item_owned(session=session, pk=pk)
    if item is None:
        raise Http404("That card is not part of this session.")
    return item


@require_POST
def session_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session_or_404(request, pk)
    number = _item_number(request)
    if number is None:
        return HttpResponseBadRequest(BAD_ITEM)
    item = _item_or_404(session, number)
    services.session_item_reveal(item=item, answer=request.POST.get("answer", ""))
    return HttpResponseRedirect(session.get_absolute_url() + "#reveal")


@require_POST
def session_rate(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session_or_404(request, pk)
    number = _item_number(request)
    if number is None:
        return HttpResponseBadRequest(BAD_ITEM)
    item = _item_or_404(session, number)
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
def session_undo(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session_or_404(request, pk)
    try:
        services.review_undo(session=session)
    except services.NothingToUndo as exc:
        messages.error(request, str(exc))
        return redirect(session if session.finished_at is None else reverse("practice:summary", args=[pk]))
    messages.info(request, "Rating undone: rate this card again.")
    return HttpResponseRedirect(session.get_absolute_url() + "#reveal")


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
    context["weak_percent"] = round(100 * mastery.WEAK_RECALL)
    context["today"] = timezone.localdate()
    context["progress_panels"] = registry.panels(slot="progress")
    return render(request, "practice/progress.html", context)


class PreferencesForm(forms.Form):
    new_cards_per_day = forms.IntegerField(
        label="New questions per day",
        min_value=0,
        max_value=MAX_NEW_CARDS_PER_DAY,
        help_text=f"Never-seen questions practice may give you each day, 0 to {MAX_NEW_CARDS_PER_DAY}. "
        "Due reviews always come first and are never limited.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    user_id = int(str(request.user.pk))  # login_required: always an account
    form = PreferencesForm(
        request.POST or None,
        initial={"new_cards_per_day": selectors.new_card_limit(owner=Owner(user_id=user_id))},
    )
    if request.method == "POST" and form.is_valid():
        services.preferences_save(user_id=user_id, new_cards_per_day=form.cleaned_data["new_cards_per_day"])
        messages.success(request, "Practice settings saved.")
        return redirect("practice:preferences")
    return render(request, "practice/preferences.html", {"form": form}, status=400 if form.errors else 200)


def _published_or_404(slug: str) -> Question:
    question = bank_selectors.question_published(slug=slug)
    if question is None:
        raise Http404("No published question with that address.")
    return question


def _question_actions(request: HtmxHttpRequest, question: Question) -> HttpResponse:
    if request.htmx:
        return render(request, "practice/_question_actions.html", {"question": question})
    return redirect(question)


@require_POST
def star_toggle(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    question = _published_or_404(slug)
    services.star_toggle(owner=owner_of(request, create=True), question=question)
    return _question_actions(request, question)


@require_POST
def note_save(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    question = _published_or_404(slug)
    try:
        services.note_save(
            owner=owner_of(request, create=True), question=question, text=request.POST.get("text", "")
        )
    except services.NoteTooLong as exc:
        messages.error(request, str(exc))
    return _question_actions(request, question)

"""Mock interview pages: choose, answer one question at a time against the clock, report, history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from pyprep.bank.levels import LEVELS
from pyprep.challenges import conf as challenge_conf
from pyprep.challenges import progress
from pyprep.mock import choices, selectors, services, timing
from pyprep.mock.models import MockInterview, MockItem
from pyprep.practice.ownership import owner_of
from pyprep.practice.scheduling import Grade

BAD_ITEM = "The question number in this form is not a number. Reload the mock's page and try again."
BAD_GRADE = "Each rating must be one of 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)."


def _mock_or_404(request: HttpRequest, pk: int) -> MockInterview:
    mock = selectors.mock_owned(owner=owner_of(request), pk=pk)
    if mock is None:
        # Someone else's mock looks exactly like a missing one.
        raise Http404("No mock interview of yours has that number.")
    return mock


def _run_ids(request: HttpRequest) -> list[int]:
    # An anonymous visitor's challenge runs are theirs only through this browser session.
    return progress.runs_remembered(session=request.session)


def _item_or_error(request: HttpRequest, mock: MockInterview) -> MockItem | HttpResponse:
    try:
        number = int(request.POST.get("item") or 0)
    except ValueError:
        return HttpResponseBadRequest(BAD_ITEM)
    item = MockItem.objects.filter(mock=mock, pk=number).first()
    if item is None:
        raise Http404("That question is not part of this mock interview.")
    return item


def _start_page(request: HttpRequest, *, status: int = 200, **extra: Any) -> HttpResponse:
    owner = owner_of(request)
    running = selectors.mock_latest_running(owner=owner)
    if running is not None and not services.mock_time_check(mock=running, run_ids=_run_ids(request)):
        running = None
    counts = selectors.level_question_counts()
    context = {
        "levels": [(level, *counts[level.value]) for level in LEVELS],
        "lengths": [
            (minutes, timing.question_count(minutes=minutes, with_challenge=False))
            for minutes in timing.LENGTHS
        ],
        "challenge_minutes": timing.CHALLENGE_MINUTES,
        "minutes_per_question": timing.MINUTES_PER_QUESTION,
        "running": running,
        "chosen": {"level": "junior", "minutes": 20, "challenge": False},
        **extra,
    }
    return render(request, "mock/start.html", context, status=status)


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    return _start_page(request)


@require_POST
def create(request: HttpRequest) -> HttpResponse:
    try:
        wanted = choices.mock_request(request.POST)
    except choices.BadChoice as exc:
        return _start_page(request, status=400, error=str(exc))
    chosen = {"level": wanted.level, "minutes": wanted.minutes, "challenge": wanted.with_challenge}
    owner = owner_of(request, create=True)
    try:
        mock = services.mock_start(owner=owner, request=wanted)
    except services.TooFewQuestions as exc:
        return _start_page(
            request,
            too_few=str(exc),
            can_widen=exc.can_widen,
            widened_to=choices.levels_label(choices.widened(wanted.level)),
            chosen=chosen,
        )
    services.mock_remember_anonymous(session=request.session, mock=mock)
    return redirect(mock)


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    mock = _mock_or_404(request, pk)
    if not services.mock_time_check(mock=mock, run_ids=_run_ids(request)):
        return redirect("mock:report", pk=mock.pk)
    view = selectors.mock_current(mock=mock)
    if view is None:
        services.mock_finish(mock=mock, ending=MockInterview.Ending.COMPLETED, run_ids=_run_ids(request))
        return redirect("mock:report", pk=mock.pk)
    context = {
        "view": view,
        "mock": mock,
        "item": view.item,
        "max_source_bytes": challenge_conf.max_source_bytes(),
    }
    return render(request, "mock/detail.html", context)


@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    mock = _mock_or_404(request, pk)
    item = _item_or_error(request, mock)
    if isinstance(item, HttpResponse):
        return item
    mock = services.mock_item_answer(
        mock=mock,
        item=item,
        answer=request.POST.get("answer", ""),
        skip=request.POST.get("action") == "skip",
        run_ids=_run_ids(request),
    )
    if not mock.is_running:
        if mock.ending == MockInterview.Ending.TIME_UP:
            messages.info(request, "Time is up. What you had typed was kept as your answer.")
        return redirect("mock:report", pk=mock.pk)
    return redirect(mock)


@require_POST
def autosave(request: HttpRequest, pk: int) -> HttpResponse:
    mock = _mock_or_404(request, pk)
    item = _item_or_error(request, mock)
    if isinstance(item, HttpResponse):
        return item
    running = services.mock_item_autosave(mock=mock, item=item, answer=request.POST.get("answer", ""))
    return JsonResponse(
        {
            "running": running,
            "seconds_left": timing.seconds_left(deadline=mock.deadline, now=timezone.now()),
            "report": reverse("mock:report", kwargs={"pk": mock.pk}),
        }
    )


@require_POST
def end(request: HttpRequest, pk: int) -> HttpResponse:
    mock = _mock_or_404(request, pk)
    services.mock_finish(mock=mock, ending=MockInterview.Ending.ENDED, run_ids=_run_ids(request))
    return redirect("mock:report", pk=mock.pk)


@require_GET
def report(request: HttpRequest, pk: int) -> HttpResponse:
    mock = _mock_or_404(request, pk)
    if services.mock_time_check(mock=mock, run_ids=_run_ids(request)):
        return redirect(mock)
    return render(request, "mock/report.html", {"report": selectors.mock_report(mock=mock)})


@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    mock = _mock_or_404(request, pk)
    if services.mock_time_check(mock=mock, run_ids=_run_ids(request)):
        return HttpResponseBadRequest("This mock interview is still running; finish it before rating.")
    grades: dict[int, Grade] = {}
    for key in request.POST:
        if not key.startswith("grade-"):
            continue
        try:
            grades[int(key.removeprefix("grade-"))] = Grade(int(request.POST[key]))
        except ValueError:
            return HttpResponseBadRequest(BAD_GRADE)
    made = services.mock_confirm(mock=mock, grades=grades)
    if made:
        messages.success(
            request,
            f"{made} question{'s' if made != 1 else ''} added to spaced repetition with your ratings.",
        )
    else:
        messages.info(request, "These ratings were already confirmed; nothing was scheduled twice.")
    return redirect("mock:report", pk=mock.pk)


@require_GET
def history(request: HttpRequest) -> HttpResponse:
    return render(request, "mock/history.html", {"history": selectors.mock_history(owner=owner_of(request))})

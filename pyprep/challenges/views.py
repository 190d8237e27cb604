"""The challenge page: editor, Run/Submit through the judge queue, result polling, hints, history."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from pyprep.challenges import selectors, services
from pyprep.challenges.models import Challenge, Submission
from pyprep.judge.selectors import judge_status

SESSION_RUNS = "challenge_runs"
SESSION_REVEALED = "challenge_revealed"
SESSION_HINTS = "challenge_hints"
# A submission still queued after this long means no judge is consuming the queue.
JUDGE_SILENT_SECONDS: int = getattr(settings, "CHALLENGES_JUDGE_SILENT_SECONDS", 20)


def _client_ip(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def _revealed(request: HttpRequest, challenge: Challenge) -> bool:
    return challenge.pk in request.session.get(SESSION_REVEALED, []) or selectors.has_solved(
        user=request.user, challenge=challenge
    )


def _hints_shown(request: HttpRequest, challenge: Challenge) -> int:
    return int(request.session.get(SESSION_HINTS, {}).get(str(challenge.pk), 0))


def _page_context(request: HttpRequest, challenge: Challenge) -> dict[str, object]:
    shown = _hints_shown(request, challenge)
    return {
        "challenge": challenge,
        "question": challenge.question,
        "hints": challenge.hints[:shown],
        "more_hints": shown < len(challenge.hints),
        "revealed": _revealed(request, challenge),
        "solved": selectors.has_solved(user=request.user, challenge=challenge),
        "history": selectors.submission_history(user=request.user, challenge=challenge),
        "max_source_bytes": services.MAX_SOURCE_BYTES,
        "judge": judge_status(),
        "visible_test_code": selectors.visible_test_code(challenge=challenge),
    }


@require_GET
def challenge_detail(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = selectors.challenge_for_slug(slug=slug)
    return render(request, "challenges/detail.html", _page_context(request, challenge))


@require_POST
def submission_create(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = selectors.challenge_for_slug(slug=slug)
    kind = request.POST.get("kind", Submission.Kind.RUN)
    try:
        submission = services.submission_create(
            challenge=challenge,
            user=request.user,
            kind=kind,
            code=request.POST.get("code", ""),
            client_ip=_client_ip(request),
        )
    except services.SubmissionRefused as exc:
        return render(request, "challenges/_refused.html", {"message": str(exc)}, status=200)
    if submission.user_id is None:
        runs = request.session.get(SESSION_RUNS, [])[-50:]
        request.session[SESSION_RUNS] = [*runs, submission.pk]
    return render(request, "challenges/_result.html", {"submission": submission, "challenge": challenge})


@require_GET
def submission_result(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_for_viewer(
        pk=pk, user=request.user, session_ids=request.session.get(SESSION_RUNS, [])
    )
    waited = (submission.created_at and (_now() - submission.created_at).total_seconds()) or 0
    context = {
        "submission": submission,
        "challenge": submission.challenge,
        "judge_silent": submission.is_pending and waited > JUDGE_SILENT_SECONDS,
    }
    response = render(request, "challenges/_result.html", context)
    if not submission.is_pending:
        # Tell the page to refresh the parts that depend on the verdict (history; the solution once accepted).
        events = {"challenge-graded": True, **({"challenge-accepted": True} if submission.accepted else {})}
        response["HX-Trigger"] = json.dumps(events)
    return response


def _now():  # noqa: ANN202 - small seam for the clock
    from django.utils import timezone

    return timezone.now()


@require_POST
def hint_next(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = selectors.challenge_for_slug(slug=slug)
    shown = request.session.get(SESSION_HINTS, {})
    shown[str(challenge.pk)] = min(len(challenge.hints), int(shown.get(str(challenge.pk), 0)) + 1)
    request.session[SESSION_HINTS] = shown
    if not getattr(request, "htmx", False):
        return redirect(challenge.get_absolute_url())
    return render(request, "challenges/_hints.html", _page_context(request, challenge))


@require_POST
def give_up(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = selectors.challenge_for_slug(slug=slug)
    revealed = request.session.get(SESSION_REVEALED, [])
    if challenge.pk not in revealed:
        request.session[SESSION_REVEALED] = [*revealed, challenge.pk]
    if not getattr(request, "htmx", False):
        return redirect(challenge.get_absolute_url())
    return render(request, "challenges/_solution.html", _page_context(request, challenge))


@require_GET
def solution_panel(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = selectors.challenge_for_slug(slug=slug)
    return render(request, "challenges/_solution.html", _page_context(request, challenge))


@login_required
@require_GET
def history(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = selectors.challenge_for_slug(slug=slug)
    return render(request, "challenges/_history.html", _page_context(request, challenge))

"""The challenge page: editor, Run/Submit through the judge queue, result polling, hints, history."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from pyprep.bank.http import HtmxHttpRequest, client_address
from pyprep.challenges import conf, progress, selectors, services, verdicts
from pyprep.challenges.models import Challenge, Submission
from pyprep.judge.selectors import judge_status


def _page_context(request: HttpRequest, challenge: Challenge) -> dict[str, object]:
    state = progress.challenge_progress(session=request.session, user=request.user, challenge=challenge)
    return {
        "challenge": challenge,
        "question": challenge.question,
        "hints": challenge.hints[: state.hints_shown],
        "more_hints": state.hints_shown < len(challenge.hints),
        "revealed": state.revealed,
        "solved": selectors.has_solved(user=request.user, challenge=challenge),
        "history": selectors.submission_history(user=request.user, challenge=challenge),
        "max_source_bytes": conf.max_source_bytes(),
        "judge": judge_status(),
        "visible_test_code": selectors.visible_test_code(challenge=challenge),
    }


@require_GET
def challenge_index(request: HttpRequest) -> HttpResponse:
    """/challenges/ typed by hand: the bank's list, filtered to coding challenges (where the nav links)."""
    return redirect(f"{reverse('bank:question_list')}?kind=challenge")


@require_GET
def challenge_detail(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = selectors.challenge_for_slug(slug=slug)
    return render(request, "challenges/detail.html", _page_context(request, challenge))


@require_POST
def submission_create(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = selectors.challenge_for_submission(slug=slug)
    kind = request.POST.get("kind", Submission.Kind.RUN)
    try:
        submission = services.submission_create(
            challenge=challenge,
            user=request.user,
            kind=kind,
            code=request.POST.get("code", ""),
            client_ip=client_address(request),
        )
    except services.SubmissionRefused as exc:
        return render(request, "challenges/_refused.html", {"message": str(exc)}, status=200)
    progress.run_remember(session=request.session, submission=submission)
    # Most verdicts are in within a second: this request waits for it and answers with it, so Submit to
    # verdict is one round trip. Past the wait (or with no judge alive) it answers with the pending
    # fragment, which long-polls `submission_wait`.
    if verdicts.verdict_wait_after_create(submission_id=submission.pk):
        session_ids = progress.runs_remembered(session=request.session)
        submission = selectors.submission_result_for_viewer(
            pk=submission.pk, user=request.user, session_ids=session_ids
        )
    return result_response(request, submission)


@require_GET
def submission_result(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_result_for_viewer(
        pk=pk, user=request.user, session_ids=progress.runs_remembered(session=request.session)
    )
    return result_response(request, submission)


def result_response(
    request: HttpRequest, submission: Submission, *, ask_again_after: int = 0
) -> HttpResponse:
    """The result fragment: the verdict, or the pending box that asks again (it long-polls), at once or after
    `ask_again_after` seconds."""
    context = {
        "submission": submission,
        "judge_silent": selectors.judge_silent_on(submission=submission),
        "ask_again_after": ask_again_after,
    }
    response = render(request, "challenges/_result.html", context)
    if not submission.is_pending:
        # Tell the page to refresh the parts that depend on the verdict (history; the solution once accepted).
        events = {"challenge-graded": True, **({"challenge-accepted": True} if submission.accepted else {})}
        response["HX-Trigger"] = json.dumps(events)
    return response


@require_POST
def hint_next(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    challenge = selectors.challenge_for_slug(slug=slug)
    progress.hint_show_next(session=request.session, challenge=challenge)
    if not request.htmx:
        return redirect(challenge.get_absolute_url())
    return render(request, "challenges/_hints.html", _page_context(request, challenge))


@require_POST
def give_up(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    challenge = selectors.challenge_for_slug(slug=slug)
    progress.solution_reveal(session=request.session, challenge=challenge)
    if not request.htmx:
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

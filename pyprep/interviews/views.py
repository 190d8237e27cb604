"""Interviewer pages: the kit and its sheet (no account), plans with live scoring, reports and share links."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from pyprep.bank import selectors as bank_selectors
from pyprep.bank.filters import FilterError, parse_filter
from pyprep.bank.levels import LEVELS
from pyprep.interviews import selectors, services
from pyprep.interviews.kit import (
    DEFAULT_COUNT,
    MAX_COUNT,
    MAX_SCORE,
    MIN_COUNT,
    SCALE,
    KitOptions,
    KitParamError,
    kit_options,
    new_seed,
)
from pyprep.interviews.models import InterviewPlan
from pyprep.interviews.sheet import sheet_csv, sheet_filename


def _options(params: QueryDict) -> KitOptions:
    """Kit options from a query string or form; raises FilterError or KitParamError with the reason."""
    qfilter = parse_filter(params, known_topics=bank_selectors.topic_slugs())
    return kit_options(params, levels=qfilter.levels, topics=qfilter.topics)


def _bad_request(request: HttpRequest, message: str) -> HttpResponse:
    return render(
        request, "interviews/kit_error.html", {"message": message, **_chooser_context()}, status=400
    )


def _chooser_context() -> dict[str, Any]:
    counts = bank_selectors.bank_counts()
    return {
        "levels": LEVELS,
        "topics": [topic for topic, n in counts.by_topic if n],
        "sets": bank_selectors.sets_listed(),
        "min_count": MIN_COUNT,
        "max_count": MAX_COUNT,
        "default_count": DEFAULT_COUNT,
    }


def _csv_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _kit_or_error(request: HttpRequest) -> selectors.Kit | HttpResponse:
    try:
        options = _options(request.GET)
        if options.seed is None:
            # A kit's address names its seed, so it can be reloaded, printed again and shared.
            return redirect(f"{request.path}?{options.querystring(seed=new_seed())}")
        return selectors.kit_build(options=options)
    except (FilterError, KitParamError) as exc:
        return _bad_request(request, str(exc))


@require_GET
def kit(request: HttpRequest) -> HttpResponse:
    if "level" not in request.GET:
        return render(request, "interviews/kit_choose.html", _chooser_context())
    built = _kit_or_error(request)
    if isinstance(built, HttpResponse):
        return built
    return render(
        request,
        "interviews/kit.html",
        {
            "kit": built,
            "scale": SCALE,
            "query": built.options.querystring(),
            "redraw_query": built.options.querystring(seed=""),
        },
    )


@require_GET
def kit_sheet(request: HttpRequest) -> HttpResponse:
    built = _kit_or_error(request)
    if isinstance(built, HttpResponse):
        return built
    options = built.options
    name = sheet_filename(
        "pyprep-kit", options.level, *options.topics, options.set_slug, f"seed{options.seed}"
    )
    return _csv_response(sheet_csv(built.sheet_rows()), name)


def _user_id(request: HttpRequest) -> int:
    # Only called behind login_required: the user is signed in and has a primary key.
    return int(request.user.pk or 0)


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = selectors.plans_owned(user_id=_user_id(request))
    return render(request, "interviews/plan_list.html", {"plans": plans})


@login_required
@require_POST
def plan_create(request: HttpRequest) -> HttpResponse:
    try:
        options = _options(request.POST)
        if options.seed is None:
            raise KitParamError("A plan is saved from a kit with a seed.")
        built = selectors.kit_build(options=options)
    except (FilterError, KitParamError) as exc:
        return _bad_request(request, str(exc))
    if not built.items:
        return _bad_request(request, "This kit has no questions to save.")
    plan = services.plan_create(owner_id=_user_id(request), title=request.POST.get("title", ""), kit=built)
    return redirect(plan)


def _plan_or_404(request: HttpRequest, pk: int) -> InterviewPlan:
    plan = selectors.plan_owned(user_id=_user_id(request), pk=pk)
    if plan is None:
        raise Http404("No such plan.")
    return plan


@login_required
@require_GET
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_or_404(request, pk)
    items = selectors.plan_questions(plan=plan)
    return render(
        request,
        "interviews/plan_score.html",
        {"plan": plan, "items": items, "scale": SCALE, "scores": range(MAX_SCORE + 1)},
    )


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_POST
def row_score(request: HttpRequest, pk: int, row_pk: int) -> HttpResponse:
    plan = _plan_or_404(request, pk)
    row = selectors.row_owned(plan=plan, pk=row_pk)
    if row is None:
        raise Http404("No such row.")
    raw = request.POST.get("score", "").strip()
    try:
        score = None if raw in ("", "clear") else int(raw)
        row = services.row_score(row=row, score=score)
    except (ValueError, services.ScoreError):
        message = f"A score is 0, 1, 2 or 3 (or empty to clear), got {raw[:10]!r}."
        if _wants_json(request):
            return JsonResponse({"error": message}, status=400)
        return HttpResponse(message, status=400, content_type="text/plain")
    if _wants_json(request):
        return JsonResponse({"row": row.pk, "score": row.score})
    return redirect(f"{plan.get_absolute_url()}#row-{row.pk}")


@login_required
@require_POST
def question_note(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    plan = _plan_or_404(request, pk)
    item = selectors.plan_question_owned(plan=plan, pk=item_pk)
    if item is None:
        raise Http404("No such question in this plan.")
    item = services.question_note(plan_question=item, text=request.POST.get("note", ""))
    if _wants_json(request):
        return JsonResponse({"item": item.pk, "note": item.note})
    return redirect(f"{plan.get_absolute_url()}#item-{item.pk}")


def _report_context(plan: InterviewPlan, *, shared: bool) -> dict[str, Any]:
    return {"report": selectors.plan_report(plan=plan), "plan": plan, "shared": shared, "scale": SCALE}


@login_required
@require_GET
def plan_report(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_or_404(request, pk)
    context = _report_context(plan, shared=False)
    if plan.share_token:
        context["share_link"] = request.build_absolute_uri(plan.share_url())
    return render(request, "interviews/report.html", context)


def _report_csv(plan: InterviewPlan) -> HttpResponse:
    report = selectors.plan_report(plan=plan)
    name = sheet_filename("pyprep-interview", plan.title, plan.created_at.date().isoformat())
    return _csv_response(sheet_csv(report.sheet_rows()), name)


@login_required
@require_GET
def plan_report_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return _report_csv(_plan_or_404(request, pk))


@login_required
@require_POST
def plan_share(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_or_404(request, pk)
    if request.POST.get("revoke"):
        services.plan_unshare(plan=plan)
    else:
        services.plan_share(plan=plan)
    return redirect(reverse("interviews:report", kwargs={"pk": plan.pk}) + "#share")


@login_required
@require_POST
def plan_delete(request: HttpRequest, pk: int) -> HttpResponse:
    services.plan_delete(plan=_plan_or_404(request, pk))
    return redirect("interviews:plans")


def _shared_or_404(token: str) -> InterviewPlan:
    plan = selectors.plan_shared(token=token)
    if plan is None:
        raise Http404("This share link was revoked or never existed.")
    return plan


@require_GET
def shared_report(request: HttpRequest, token: str) -> HttpResponse:
    plan = _shared_or_404(token)
    return render(request, "interviews/report.html", {**_report_context(plan, shared=True), "token": token})


@require_GET
def shared_report_csv(request: HttpRequest, token: str) -> HttpResponse:
    return _report_csv(_shared_or_404(token))

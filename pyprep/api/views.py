"""The first, unversioned JSON endpoints over the bank's selectors, and the pages that manage API tokens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from pyprep.api import services
from pyprep.bank import selectors
from pyprep.bank.filters import FilterError, parse_filter
from pyprep.bank.models import Question
from pyprep.bank.pagecache import anonymous_page_cache

PAGE_SIZE = 20
# The columns a result in the list shows (see _summary): the answer and the stored page HTML stay in the database.
SUMMARY_FIELDS = ("slug", "title", "level", "kind", "summary")


def _error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _summary(item: Question | selectors.QuestionSummary, *, topics: list[str], url: str) -> dict[str, Any]:
    return {
        "slug": item.slug,
        "title": item.title,
        "level": item.level,
        "topics": topics,
        "kind": item.kind,
        "url": url,
        "quick_summary": item.summary,
    }


def _question_url(request: HttpRequest) -> Callable[[str], str]:
    """A question's absolute URL from its slug: the URL is resolved once per page, not once per question.
    Slugs are letters, digits, "-" and "_", so they go into the URL as they are."""
    marker = "slug0marker"
    head, tail = request.build_absolute_uri(reverse("bank:question_detail", kwargs={"slug": marker})).split(
        marker
    )
    return lambda slug: f"{head}{slug}{tail}"


@require_GET
@anonymous_page_cache(personal=False)
def question_list(request: HttpRequest) -> JsonResponse:
    try:
        qfilter = parse_filter(request.GET, known_topics=selectors.topic_slugs())
    except FilterError as exc:
        return _error(str(exc))
    # A search returns at most search.RESULT_LIMIT ids, each checked against the filters: count and page them
    # in Python, then read the page's columns alone. Without a query the database counts and pages.
    paginator: Paginator[Any] = Paginator(
        selectors.question_ids_searched(qfilter=qfilter)
        if qfilter.q
        else selectors.questions_for_list(qfilter=qfilter).only(*SUMMARY_FIELDS),
        PAGE_SIZE,
    )
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except PageNotAnInteger:
        return _error("page must be a whole number starting at 1.")
    except EmptyPage:
        return _error(f"page is out of range: there are {paginator.num_pages} page(s).", status=404)
    url = _question_url(request)
    if qfilter.q:
        results = [
            _summary(row, topics=list(row.topics), url=url(row.slug))
            for row in selectors.question_summaries(ids=list(page.object_list))
        ]
    else:
        results = [
            _summary(question, topics=[topic.slug for topic in question.topics.all()], url=url(question.slug))
            for question in page.object_list
        ]
    return JsonResponse(
        {"count": paginator.count, "page": page.number, "pages": paginator.num_pages, "results": results}
    )


@require_GET
@anonymous_page_cache(personal=False)
def question_detail(request: HttpRequest, slug: str) -> JsonResponse:
    question = selectors.question_detail(slug=slug)
    if question is None:
        return _error(f"No published question with slug {slug!r}.", status=404)
    data = _summary(
        question,
        topics=[topic.slug for topic in question.topics.all()],
        url=request.build_absolute_uri(question.get_absolute_url()),
    )
    data.update(
        {
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
            "updated_at": question.updated_at.isoformat(),
        }
    )
    return JsonResponse(data)


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    """Create a personal token and show its secret once; only a digest of it is kept."""
    try:
        created = services.token_create(user=request.user, name=request.POST.get("name", ""))
    except services.TokenRefused as exc:
        messages.error(request, str(exc))
        return redirect("accounts:profile")
    response = render(request, "api/token_created.html", {"created": created})
    # The secret is on this page only: never keep it in a cache or the browser's history.
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    if services.token_revoke(user=request.user, pk=pk):
        messages.success(request, "Token revoked: it no longer works.")
    else:
        messages.error(request, "You have no active token with that number.")
    return redirect("accounts:profile")

"""Pages a candidate uses to find and read questions; they call selectors and hold no rules."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from pyprep.bank import registry, selectors
from pyprep.bank.filters import FilterError, QuestionFilter, parse_filter
from pyprep.bank.http import HtmxHttpRequest, wants_fragment
from pyprep.bank.levels import LEVEL_BY_VALUE
from pyprep.bank.pagecache import anonymous_page_cache


@anonymous_page_cache
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "bank/home.html",
        {
            "counts": selectors.bank_counts(),
            "featured_sets": selectors.sets_featured(),
            "home_first_panels": registry.panels(slot="home_first"),
            "home_last_panels": registry.panels(slot="home_last"),
        },
    )


def _filter_from(request: HttpRequest) -> tuple[QuestionFilter, str]:
    try:
        return parse_filter(request.GET, known_topics=selectors.topic_slugs()), ""
    except FilterError as exc:
        return QuestionFilter(q=" ".join(request.GET.get("q", "").split())), str(exc)


def _personal_ids(request: HttpRequest, qfilter: QuestionFilter) -> set[int] | None:
    """The questions a personal filter ("starred", "unseen", ...) stands for; None when there is none."""
    if not qfilter.mine:
        return None
    return registry.mark_ids(key=qfilter.mine, owner=request.user)


@anonymous_page_cache
def question_list(request: HtmxHttpRequest) -> HttpResponse:
    qfilter, error = _filter_from(request)
    only_ids = _personal_ids(request, qfilter)
    questions = selectors.questions_for_list(qfilter=qfilter, only_ids=only_ids)
    page = Paginator(questions, settings.PYPREP_QUESTIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "qfilter": qfilter,
        "filter_error": error,
        "page": page,
        "topics": selectors.bank_counts().by_topic,
        "level_info": LEVEL_BY_VALUE,
        "marks": registry.marks_filterable(),
        "row_badges": registry.row_badges(owner=request.user),
        "results_panels": registry.panels(slot="results_head"),
        "best_outside": selectors.best_match_outside_filters(qfilter=qfilter, only_ids=only_ids),
    }
    template = "bank/_results.html" if wants_fragment(request) else "bank/question_list.html"
    return render(request, template, context)


@anonymous_page_cache
def question_detail(request: HttpRequest, slug: str) -> HttpResponse:
    question = selectors.question_page(slug=slug)
    if question is None:
        raise Http404("No published question with that address.")
    stand_in = registry.kind_page(kind=question.kind, slug=question.slug)
    if stand_in is not None:
        # A challenge's page would show its approach beside "Solve": its editor is its page.
        return redirect(stand_in)
    qfilter, _ = _filter_from(request)
    from_set = request.GET.get("set", "")
    neighbours = None
    if not qfilter.is_empty:
        neighbours = selectors.question_neighbours(
            question=question, qfilter=qfilter, only_ids=_personal_ids(request, qfilter)
        )
    return render(
        request,
        "bank/question_detail.html",
        {
            "question": question,
            "qfilter": qfilter,
            "neighbours": neighbours,
            "from_set": from_set,
            "header_panels": registry.panels(slot="header"),
            "after_summary_panels": registry.panels(slot="after_summary"),
        },
    )


@anonymous_page_cache
def set_list(request: HttpRequest) -> HttpResponse:
    return render(request, "bank/set_list.html", {"sets": selectors.sets_listed()})


@anonymous_page_cache
def set_detail(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.set_detail(slug=slug)
    if found is None:
        raise Http404("No curated set with that address.")
    curated, questions = found
    return render(
        request,
        "bank/set_detail.html",
        {"curated": curated, "questions": questions, "set_panels": registry.panels(slot="set_head")},
    )

"""The "Download Anki deck" buttons: the same filters as the page they sit on, as an .apkg file."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from django_ratelimit.core import is_ratelimited

from pyprep.bank import selectors as bank_selectors
from pyprep.bank.filters import FilterError, parse_filter
from pyprep.exports import anki, selectors
from pyprep.practice.selectors import question_ids_marked


@require_GET
def anki_deck(request: HttpRequest) -> HttpResponse:
    # Building a package is heavier than a page view; the same per-address counters as the site's log-in.
    if is_ratelimited(
        request,
        group="exports.anki",
        key="ip",
        rate=getattr(settings, "PYPREP_EXPORT_RATE", "20/m"),
        increment=True,
    ):
        return HttpResponse(
            "Too many downloads. Wait a minute, then try again.", status=429, content_type="text/plain"
        )
    set_slug = request.GET.get("set", "")
    try:
        qfilter = parse_filter(request.GET, known_topics=bank_selectors.topic_slugs())
        # "Starred", "unseen", ...: the same personal filter the list page applied.
        only_ids = question_ids_marked(user=request.user, mark=qfilter.mine) if qfilter.mine else None
        selection = selectors.anki_selection(
            params=request.GET, set_slug=set_slug, url_for=request.build_absolute_uri, only_ids=only_ids
        )
    except (FilterError, selectors.UnknownSet) as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain")
    data = anki.package_bytes(selection.cards, root=selection.root, css=selection.css)
    response = HttpResponse(data, content_type="application/apkg")
    name = f"pyprep-{set_slug}.apkg" if set_slug else "pyprep.apkg"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

"""The profile page's API token panel, filled by the api app so accounts need not import it."""

from __future__ import annotations

from typing import Any

from django import template

from pyprep.api import selectors

register = template.Library()


@register.inclusion_tag("api/_tokens.html", takes_context=True)
def api_tokens_panel(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    return {"tokens": list(selectors.tokens_of(user=request.user)), "csrf_token": context.get("csrf_token")}

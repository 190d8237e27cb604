"""The "challenges solved" figures other apps' pages show (progress, account) through the bank's panel slot."""

from __future__ import annotations

from django import template

from pyprep.challenges import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def challenges_solved(context: template.Context) -> list[selectors.SolvedAtLevel]:
    request = context.get("request")
    return selectors.solved_by_level(user=getattr(request, "user", None))

"""Template filters for the bank: safe Markdown and level badges."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from pyprep.bank.levels import LEVEL_BY_VALUE
from pyprep.bank.rendering import highlight_code, render_inline, render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitized by nh3 in render_markdown


@register.filter
def markdown_inline(text: str) -> SafeString:
    return mark_safe(render_inline(text))  # noqa: S308 - sanitized by nh3 in render_inline


@register.filter
def python_code(code: str) -> SafeString:
    return mark_safe(highlight_code(code, "python"))  # noqa: S308 - Pygments escapes the code


@register.filter
def level_band(level: str) -> str:
    info = LEVEL_BY_VALUE.get(level)
    return info.band if info else ""


@register.filter
def level_label(level: str) -> str:
    info = LEVEL_BY_VALUE.get(level)
    return info.label if info else level


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: object) -> str:
    """The current filter's query string with some parameters changed (e.g. page=2)."""
    qfilter = context.get("qfilter")
    return qfilter.querystring(**changes) if qfilter is not None else ""

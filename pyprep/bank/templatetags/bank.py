"""Template filters for the bank: safe Markdown, titles with inline code, and level badges."""

from __future__ import annotations

from functools import cache

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django_htmx.jinja import htmx_script

from pyprep.bank.levels import LEVEL_BY_VALUE
from pyprep.bank.models import Question
from pyprep.bank.rendering import (
    RenderedQuestion,
    highlight_code,
    render_inline,
    render_markdown,
    render_question,
    render_title,
)
from pyprep.bank.rendering import title_text as plain_title

register = template.Library()

# The links every page's header carries, by URL name. An app that is not installed has no address: its
# link is left out (base.html tests for an empty one).
NAV_URLS = {
    "home": "bank:home",
    "questions": "bank:question_list",
    "sets": "bank:set_list",
    "kit": "interviews:kit",
    "practice": "practice:start",
    "progress": "practice:progress",
    "mock": "mock:start",
    "login": "accounts:login",
    "signup": "accounts:signup",
    "profile": "accounts:profile",
    "logout": "accounts:logout",
    "pygments_css": "pygments_css",
}


@cache
def _nav_urls(urlconf: str | None, prefix: str) -> dict[str, str]:
    found = {}
    for key, name in NAV_URLS.items():
        try:
            found[key] = reverse(name, urlconf=urlconf)
        except NoReverseMatch:
            found[key] = ""
    return found


@register.simple_tag
def nav_urls() -> dict[str, str]:
    """The header's addresses, reversed once per process (and URL configuration) rather than per page: a
    dozen `{% url %}` tags were a quarter of a page's template time. A tag, not a context processor, so
    the 500 page (rendered without a request context) has them too."""
    return _nav_urls(get_urlconf(), get_script_prefix())


def _assets_html(*, pygments_css: str, nonce: str | None) -> SafeString:
    return format_html(
        '<link rel="stylesheet" href="{}">\n  <link rel="stylesheet" href="{}">\n  {}\n'
        '  <script src="{}" defer></script>',
        static("css/site.css"),
        pygments_css,
        htmx_script(minified=True, version=2, nonce=nonce),
        static("js/site.js"),
    )


@cache
def _head_assets(urlconf: str | None, prefix: str, debug: bool) -> SafeString:
    return _assets_html(pygments_css=_nav_urls(urlconf, prefix)["pygments_css"], nonce=None)


@register.simple_tag(takes_context=True)
def head_assets(context: template.Context) -> SafeString:
    """The stylesheets and scripts in every page's <head>, built once per process: their four look-ups
    (hashed static names, the htmx script tag) cost a signed-in page about 0.1 ms of CPU each time."""
    nonce = context.get("csp_nonce")
    if nonce:  # a nonce is new on every response: never from the memo
        return _assets_html(pygments_css=nav_urls()["pygments_css"], nonce=nonce)
    return _head_assets(get_urlconf(), get_script_prefix(), settings.DEBUG)


@cache
def _asset_url(path: str, prefix: str, debug: bool) -> str:
    return static(path)


@register.simple_tag
def asset(path: str) -> str:
    """`{% static %}` looked up once per process: the hashed names do not change while a process runs."""
    return _asset_url(path, get_script_prefix(), settings.DEBUG)


@register.filter
def markdown(text: str) -> SafeString:
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitized by nh3 in render_markdown


@register.filter
def markdown_inline(text: str) -> SafeString:
    return mark_safe(render_inline(text))  # noqa: S308 - sanitized by nh3 in render_inline


@register.filter
def title_html(title: str) -> SafeString:
    """A question or set title with its `code spans` as <code> (and nothing else of Markdown)."""
    return mark_safe(render_title(title))  # noqa: S308 - render_title escapes everything first


@register.filter
def title_text(title: str) -> str:
    """A title for plain-text places (<title>, attributes): code spans without their backticks."""
    return plain_title(title)


@register.filter
def python_code(code: str) -> SafeString:
    return mark_safe(highlight_code(code, "python"))  # noqa: S308 - Pygments escapes the code


@register.simple_tag
def question_html(question: Question) -> RenderedQuestion:
    """The question page's Markdown and code as HTML (use with |safe: nh3-sanitized, code escaped).

    Stored at load and on admin save (services.questions_render); a question never rendered (made outside
    the loader and the admin) is rendered now, on the fly.
    """
    if question.rendered_hash:
        return RenderedQuestion(
            summary_html=question.summary_html,
            answer_html=question.answer_html,
            examples_html=question.examples_html,
            key_points_html=question.key_points_html,
            follow_ups_html=question.follow_ups_html,
            rendered_hash=question.rendered_hash,
        )
    from pyprep.bank.services import question_source

    return render_question(question_source(question))


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

"""Render Markdown from content files and the admin to safe HTML with Pygments-highlighted code."""

from __future__ import annotations

import dataclasses
import hashlib
import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache

import nh3
import pygments
from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer, TextLexer, get_lexer_by_name
from pygments.util import ClassNotFound

from pyprep.bank.versions import outputs_by_version

_FORMATTER = HtmlFormatter(nowrap=True)
_STYLE = HtmlFormatter(cssclass="highlight")

ALLOWED_TAGS = {
    "a", "p", "br", "hr", "em", "strong", "code", "pre", "span", "div", "blockquote",
    "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "del",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "span": {"class"},
    "div": {"class"},
    "pre": {"class"},
    "code": {"class"},
    "th": {"style"},
    "td": {"style"},
}


def highlight_code(code: str, language: str = "python") -> str:
    """Pygments HTML for a code block; unknown languages are shown as plain text."""
    try:
        lexer = get_lexer_by_name(language) if language else TextLexer()
    except ClassNotFound:
        lexer = TextLexer()
    if isinstance(lexer, PythonLexer) or language in {"py", "python3"}:
        lexer = PythonLexer()
    inner = highlight(code, lexer, _FORMATTER)
    # Starts with <pre so markdown-it uses it as the whole block instead of wrapping it again.
    return f'<pre class="highlight"><code>{inner}</code></pre>\n'


def _highlight(code: str, language: str, _attrs: str) -> str:
    return highlight_code(code, language or "text")


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # html=False turns raw HTML in the source into text; nh3 below is the second line of defence.
    md = MarkdownIt("commonmark", {"html": False, "highlight": _highlight, "linkify": False}).enable("table")
    # A table scrolls sideways inside its own box on a narrow screen instead of widening the page.
    md.add_render_rule("table_open", lambda *_: '<div class="table-scroll"><table>\n')
    md.add_render_rule("table_close", lambda *_: "</table></div>\n")
    return md


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def render_markdown(text: str) -> str:
    """Markdown to sanitized HTML; never returns script, event handlers or javascript: links."""
    return sanitize(_markdown().render(text or ""))


@lru_cache(maxsize=4096)
def render_inline(text: str) -> str:
    """Markdown for one line (key points, follow-ups): inline markup only, no wrapping paragraph.

    Kept per process: the lines are the bank's (a practice card's key points and corrections, on every
    reveal, for everyone), and the result depends on the text alone.
    """
    return sanitize(_markdown().renderInline(text or ""))


# A code span as CommonMark reads it: a run of backticks, then anything, then a run of the same length.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def _code_span_text(match: re.Match[str]) -> str:
    text = match.group(2)
    # CommonMark strips one space from each side when both are there (so "`` `x` ``" can show backticks).
    return text[1:-1] if len(text) > 2 and text.startswith(" ") and text.endswith(" ") else text


def render_title(title: str) -> str:
    """A title as HTML: escaped first, then its `code spans` marked up as <code>; no other Markdown."""
    return _CODE_SPAN.sub(
        lambda match: f"<code>{_code_span_text(match)}</code>", html.escape(title, quote=False)
    )


def title_text(title: str) -> str:
    """A title as plain text (a <title>, a plain-text mail): the code spans without their backticks."""
    return _CODE_SPAN.sub(_code_span_text, title)


def pygments_css() -> str:
    return _STYLE.get_style_defs(".highlight")


# Bump when the HTML produced below changes shape, so every stored page is rebuilt at the next load.
RENDERER_VERSION = "3"


@dataclass(frozen=True)
class ExampleSource:
    title: str
    code: str
    output: str
    min_version: str = ""  # the oldest Python it needs, "" for every supported version
    variants: tuple[tuple[str, str], ...] = ()  # (version range, output) where a version prints otherwise


@dataclass(frozen=True)
class QuestionSource:
    """Everything on a question page that is rendered from Markdown or code."""

    summary: str
    answer: str
    examples: tuple[ExampleSource, ...] = ()
    key_points: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()

    def digest(self) -> str:
        """Changes whenever the sources, the renderer or Pygments change."""
        payload = json.dumps(
            [RENDERER_VERSION, pygments.__version__, dataclasses.asdict(self)], sort_keys=True
        ).encode()
        return hashlib.sha256(payload).hexdigest()


@dataclass(frozen=True)
class RenderedQuestion:
    summary_html: str
    answer_html: str
    examples_html: str
    key_points_html: str
    follow_ups_html: str
    rendered_hash: str

    @property
    def key_point_count(self) -> int:
        return self.key_points_html.count("<li>")


def _example_html(example: ExampleSource) -> str:
    caption = f"<figcaption>{render_inline(example.title)}</figcaption>" if example.title else ""
    needs = (
        f'<p class="example-needs">Needs Python {html.escape(example.min_version)} or newer.</p>'
        if example.min_version
        else ""
    )
    outputs = outputs_by_version(
        default=example.output, variants=example.variants, min_version=example.min_version
    )
    several = len(outputs) > 1
    shown = "".join(
        '<div class="example-output"><span class="output-label">Output'
        + (f" on Python {html.escape(label)}" if several else "")
        + f"</span><pre><samp>{html.escape(text)}</samp></pre></div>"
        for label, text in outputs
    )
    return (
        f'<figure class="example">{caption}{needs}'
        f'<div class="example-code">{highlight_code(example.code, "python")}</div>'
        f'<div class="example-outputs{" side-by-side" if several else ""}">{shown}</div></figure>\n'
    )


def render_question(source: QuestionSource) -> RenderedQuestion:
    """The HTML a question page shows, made once when the content changes instead of on every view."""
    return RenderedQuestion(
        summary_html=render_markdown(source.summary),
        answer_html=render_markdown(source.answer),
        examples_html="".join(_example_html(example) for example in source.examples),
        key_points_html="".join(f"<li>{render_inline(point)}</li>" for point in source.key_points),
        follow_ups_html="".join(f"<li>{render_inline(item)}</li>" for item in source.follow_ups),
        rendered_hash=source.digest(),
    )

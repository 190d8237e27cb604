"""Render Markdown from content files and the admin to safe HTML with Pygments-highlighted code."""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer, TextLexer, get_lexer_by_name
from pygments.util import ClassNotFound

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
    return MarkdownIt("commonmark", {"html": False, "highlight": _highlight, "linkify": False}).enable(
        "table"
    )


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


def render_inline(text: str) -> str:
    """Markdown for one line (key points, follow-ups): inline markup only, no wrapping paragraph."""
    return sanitize(_markdown().renderInline(text or ""))


def pygments_css() -> str:
    return _STYLE.get_style_defs(".highlight")

"""Titles show their `code spans` as inline code and nothing else of Markdown; plain places get plain text."""

from __future__ import annotations

from pyprep.bank.rendering import render_title, title_text


def test_code_spans_become_code_and_everything_else_is_escaped() -> None:
    title = "Why does `sorted()` return <b>a list</b> & `list.sort()` None?"
    assert render_title(title) == (
        "Why does <code>sorted()</code> return &lt;b&gt;a list&lt;/b&gt; &amp; <code>list.sort()</code> None?"
    )


def test_markup_inside_a_code_span_stays_text() -> None:
    assert render_title("Is `<script>` safe?") == "Is <code>&lt;script&gt;</code> safe?"


def test_no_other_markdown_is_rendered() -> None:
    assert (
        render_title("**bold** _it_ [link](https://example.com)")
        == "**bold** _it_ [link](https://example.com)"
    )


def test_a_lone_backtick_stays_as_it_is() -> None:
    assert render_title("What does a ` do here?") == "What does a ` do here?"


def test_double_backticks_can_hold_a_backtick() -> None:
    assert render_title("Quote with `` `x` `` in Markdown") == "Quote with <code>`x`</code> in Markdown"


def test_plain_text_drops_the_backticks_only() -> None:
    assert title_text("Why does `sorted()` return <b>?") == "Why does sorted() return <b>?"

"""Template helpers for practice: the owner's marks on a question (star and note) for the question page, and
the key points of a revealed card's feedback."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from pyprep.bank.models import Question
from pyprep.bank.rendering import render_inline
from pyprep.practice import selectors
from pyprep.practice.feedback import CONTRADICTED, COVERED, UNCLEAR, Feedback, PointResult
from pyprep.practice.ownership import Owner, owner_of

register = template.Library()


@register.simple_tag(takes_context=True)
def question_marks(context: template.Context, question: Question) -> dict[str, Any]:
    request = context.get("request")
    if request is None:
        return {"starred": False, "note": None}
    starred, note = selectors.question_marks(owner=owner_of(request), question=question)
    return {"starred": starred, "note": note}


@register.simple_tag(takes_context=True)
def practice_readiness(context: template.Context, questions: list[Question]) -> selectors.Readiness:
    """Due and allowed-new cards among these questions for the page's viewer (a set's "Practise" form)."""
    request = context.get("request")
    owner = owner_of(request) if request is not None else Owner()
    return selectors.practice_readiness(owner=owner, question_ids=[question.pk for question in questions])


_MARKS = {COVERED: "✓", CONTRADICTED: "!", UNCLEAR: "?"}


def _inline(text: str) -> SafeString:
    return mark_safe(render_inline(text))  # noqa: S308 - sanitized by nh3 in render_inline


def _point_detail(point: PointResult) -> SafeString | str:
    """What decided the point: the sentence that earned or contradicted it, and a correction."""
    if point.status == COVERED and point.evidence:
        # A ✓ the answer also states a known wrong claim about keeps its correction as a note.
        note = format_html("; note: {}", _inline(point.correction)) if point.correction else ""
        return format_html('<span class="kp-evidence">Earned by: <q>{}</q>{}</span>', point.evidence, note)
    if point.status == CONTRADICTED:
        by = format_html(" by: <q>{}</q>", point.evidence) if point.evidence else ""
        return format_html(
            '<span class="kp-evidence">Contradicted{}</span>\n'
            '<span class="kp-correction"><strong>Correction:</strong> {}</span>',
            by,
            _inline(point.correction),
        )
    if point.status == UNCLEAR:
        source = format_html(" from: <q>{}</q>", point.evidence) if point.evidence else ""
        note = format_html("; note: {}", _inline(point.correction)) if point.correction else ""
        return format_html('<span class="kp-evidence">Can\'t tell{}{}</span>', source, note)
    return ""


@register.simple_tag
def key_point_marks(feedback: Feedback | None) -> SafeString:
    """The feedback's key points as list items, each with its mark and what decided it. Built here rather
    than in a template loop: a dozen tags per point were most of a revealed card's feedback time."""
    if feedback is None:
        return mark_safe("")
    return mark_safe(  # noqa: S308 - every part is escaped by format_html or sanitized by render_inline
        "\n".join(
            format_html(
                '<li class="kp-{}">\n<span class="kp-mark" aria-hidden="true">{}</span>\n'
                '<span class="visually-hidden">{}:</span>\n{}\n{}\n</li>',
                point.status,
                _MARKS.get(point.status, "✗"),
                point.label,
                _inline(point.text),
                _point_detail(point),
            )
            for point in feedback.points
        )
    )

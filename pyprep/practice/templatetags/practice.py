"""Template helpers for practice: the owner's marks on a question (star and note) for the question page."""

from __future__ import annotations

from typing import Any

from django import template

from pyprep.bank.models import Question
from pyprep.practice import selectors
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

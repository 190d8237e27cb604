"""Hand-written factories: a published challenge question with expectations, without running the judge."""

from __future__ import annotations

from typing import Any

from pyprep.bank.models import Kind, Question, Status
from pyprep.challenges.models import Challenge

EXPECTED: dict[str, Any] = {
    "test_adds": {"status": "ok", "observation": 5},
    "test_negative": {"status": "ok", "observation": -1},
    "test_hidden_big": {"status": "ok", "observation": 2000},
}


def make_challenge(slug: str = "add-two", **fields: Any) -> Challenge:
    question = Question.objects.create(
        slug=slug,
        title="Add two numbers",
        level="entry",
        kind=Kind.CHALLENGE,
        status=Status.PUBLISHED,
        summary="Return the sum.",
        answer="Use `+`.",
    )
    defaults: dict[str, Any] = {
        "statement": "Write `add(a, b)`.",
        "starter_code": "def add(a, b):\n    raise NotImplementedError\n",
        "tests_code": "from solution import add\n\ndef test_adds():\n    return add(2, 3)\n",
        "visible_tests": ["test_adds", "test_negative"],
        "hidden_tests": ["test_hidden_big"],
        "reference_solution": "def add(a, b):\n    return a + b\n",
        "explanation": "Addition **explained**.",
        "hints": ["Think of `+`.", "Really, `a + b`."],
        "expected": EXPECTED,
    }
    defaults.update(fields)
    return Challenge.objects.create(question=question, **defaults)

"""The rubric audit lists misconceptions that would contradict the bank's own model answer."""

from __future__ import annotations

from pyprep.bank.rubric import Concept, Misconception, PointRubric, Rubric
from pyprep.practice.answer_text import analyse
from pyprep.practice.feedback import misconception_clause
from pyprep.practice.rubric_audit import audit, check_rubric, model_sentences, self_checks

QUESTION = """---
slug: demo
---

## Summary
`list.sort()` sorts in place and returns None.

## Answer
It returns None so nobody mistakes it for a copy. Use `sorted()` for a new list.

```python
print([3, 1].sort())
```

## Key points
- `list.sort()` returns None.
"""


def test_model_sentences_are_the_prose_sentences_and_key_points_without_code() -> None:
    sentences = model_sentences(QUESTION, ("`list.sort()` returns None.",))
    assert "It returns None so nobody mistakes it for a copy." in sentences
    assert "Use `sorted()` for a new list." in sentences
    assert not any("print(" in s for s in sentences)
    assert sentences[-1] == "`list.sort()` returns None."


def test_a_loose_misconception_is_caught_firing_on_a_correct_sentence() -> None:
    loose = Misconception(
        claim="sort() returns a new list.",
        concepts=(Concept(("sort", "sorted")), Concept(("new list",))),
        contradicts=(0,),
        correction="list.sort() returns None.",
    )
    tight = Misconception(
        claim="sort() returns a new list.",
        concepts=(Concept(("list.sort", "re:\\.sort\\(\\)")), Concept(("new list",))),
        contradicts=(0,),
        correction="list.sort() returns None.",
        unless=("sorted",),
    )
    sentence = analyse("Use `sorted()` for a new list.")
    assert misconception_clause(loose, sentence) is not None
    assert misconception_clause(tight, sentence) is None


def test_the_bank_does_not_gain_misconceptions_that_contradict_its_own_answers() -> None:
    # None of the bank's misconceptions fires on a sentence of its own question's model answer since the
    # twenty-first landing's rubric round (18 before it, 43 before the twentieth); each would be a correction
    # shown to a right answer.
    fires, _thin = audit()
    assert fires == []


TITLE = "Why is a mutable default argument shared between calls?"
POINTS = (
    "Default values are evaluated once, when the def statement runs.",
    "Use None as the default and build the list inside the function.",
)


def _rubric(unless: tuple[str, ...]) -> Rubric:
    return Rubric(
        points=(
            PointRubric((Concept(("evaluated",)), Concept(("once",)))),
            PointRubric((Concept(("None",)), Concept(("inside",)))),
        ),
        misconceptions=(
            Misconception(
                "Default values are evaluated once per call.",
                (Concept(("evaluated",)), Concept(("per call", "each call"))),
                (0,),
                "Once, when the def statement runs.",
                unless,
            ),
        ),
    )


def test_a_claim_its_misconception_does_not_catch_is_listed() -> None:
    # "per call" in `unless` is in the claim itself: the misconception never fires, and the claim's
    # "evaluated once" earns the point it contradicts.
    found = check_rubric("demo", TITLE, POINTS, _rubric(unless=("per call",)))
    assert [(c.problem, c.text, c.detail) for c in found] == [
        (
            "claim not caught",
            "Default values are evaluated once per call.",
            "earns point(s) [1] it contradicts",
        )
    ]
    assert check_rubric("demo", TITLE, POINTS, _rubric(unless=("def time",))) == []


def test_a_key_point_its_own_text_does_not_earn_is_listed() -> None:
    # The second point repeats the question's words: typed back, it is read as the question copied.
    points = (POINTS[0], "Mutable default argument shared between calls.")
    found = check_rubric("demo", TITLE, points, _rubric(unless=("def time",)))
    assert [(c.problem, c.detail) for c in found] == [("point not earned", "point 2 typed back: missed")]


def test_the_bank_does_not_gain_self_check_failures() -> None:
    # 3 when last measured (twenty-fifth landing): 3 key points their own text does not earn, over the bank and
    # the coding challenges (4 in the twenty-fourth landing, 7 in the twenty-third, 8 in the twenty-second, 13 in
    # the twenty-first, 105 in the twentieth).
    assert len(self_checks()) <= 3

"""The rubric audit lists misconceptions that would contradict the bank's own model answer."""

from __future__ import annotations

from pyprep.bank.rubric import Concept, Misconception
from pyprep.practice.answer_text import analyse
from pyprep.practice.feedback import misconception_clause
from pyprep.practice.rubric_audit import audit, model_sentences

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
    # 18 of the bank's misconceptions fire on a sentence of their own question's model answer when this was
    # last measured (43 before the twentieth landing's rubric round); each is a correction shown to a right
    # answer.
    fires, _thin = audit()
    assert len(fires) <= 18

"""A mention the answer itself hedges away ("something about not copying data, I think") earns no ✓.

People who label answers give no credit for a vague gesture at a point: blind labellers left "wait is the
lower-level one, something with sets" and "memoryview is the obscure one, something about not copying data"
uncovered, while the matcher's words and similarity found the point in them.
"""

from __future__ import annotations

import pytest

from pyprep.practice.feedback import COVERED, UNCLEAR, match

QUESTION = "What are bytes, bytearray and memoryview for?"
POINTS = [
    "`bytes` is immutable; `bytearray` is its mutable counterpart.",
    "`memoryview` is a zero-copy view over any buffer-protocol object; slicing it does not copy data.",
]


def test_the_point_said_plainly_is_covered() -> None:
    result = match(
        answer="memoryview is a view that doesn't copy the data when you slice it.", key_points=POINTS
    )
    assert result.points[1].status == COVERED


@pytest.mark.parametrize(
    "answer",
    [
        "memoryview is the more obscure one, something about not copying data I think.",
        "memoryview is a view that doesn't copy the data when you slice it, not totally sure though.",
        "memoryview does something with not copying the data when you slice it.",
    ],
)
def test_the_same_point_hedged_away_earns_no_tick(answer: str) -> None:
    assert match(answer=answer, key_points=POINTS).points[1].status == UNCLEAR


def test_a_hedge_elsewhere_in_the_answer_leaves_the_plain_sentence_its_tick() -> None:
    answer = (
        "memoryview is a view that doesn't copy the data when you slice it. "
        "Why bytes got a mutable twin I'm not sure."
    )
    assert match(answer=answer, key_points=POINTS).points[1].status == COVERED

from __future__ import annotations

import pytest

from pyprep.bank import selectors
from pyprep.bank.filters import QuestionFilter

pytestmark = pytest.mark.usefixtures("bank")


def test_a_draw_keeps_to_the_filter_and_is_the_same_for_the_same_seed() -> None:
    qfilter = QuestionFilter(levels=("junior", "mid"))
    drawn = selectors.questions_drawn(qfilter=qfilter, count=3, seed=11)
    assert {q.level for q in drawn} <= {"junior", "mid"}
    assert [q.pk for q in drawn] == [
        q.pk for q in selectors.questions_drawn(qfilter=qfilter, count=3, seed=11)
    ]


def test_a_draw_leaves_out_excluded_questions() -> None:
    everything = selectors.questions_drawn(qfilter=QuestionFilter(), count=50, seed=1)
    left_out = everything[0].pk
    again = selectors.questions_drawn(qfilter=QuestionFilter(), count=50, seed=1, exclude_ids=[left_out])
    assert left_out not in {q.pk for q in again}
    assert len(again) == len(everything) - 1

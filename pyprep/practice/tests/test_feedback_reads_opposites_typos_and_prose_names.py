"""Small things that decide a tick: opposite words, "non-zero", typed slips, special methods named in prose,
and a code name that is only a word ("waiting" is not `wait()`)."""

from __future__ import annotations

from pyprep.bank.rubric import Concept, PointRubric, Rubric
from pyprep.practice.feedback import COVERED, match


def _status(answer: str, points: list[str], rubric: Rubric | None = None, index: int = 0) -> str:
    return match(answer=answer, key_points=points, rubric=rubric).points[index].status


ALL_ANY = ["`all` stops at the first falsy item and returns False."]
ALL_ANY_RUBRIC = Rubric(points=(PointRubric((Concept(("all",)), Concept(("stops", "first")))),))


def test_the_opposite_of_a_points_word_earns_no_tick() -> None:
    assert (
        _status("all() stops at the first falsy item and returns False.", ALL_ANY, ALL_ANY_RUBRIC) == COVERED
    )
    assert _status("all() stops at the first truthy item.", ALL_ANY, ALL_ANY_RUBRIC) != COVERED


def test_a_point_that_names_both_sides_is_met_by_either() -> None:
    points = ["Lists are mutable; tuples are immutable."]
    assert _status("Tuples are immutable once you have created one.", points) == COVERED


def test_non_zero_is_a_word_not_a_negation() -> None:
    points = ["With `check=True` a non-zero exit status raises `CalledProcessError`."]
    rubric = Rubric(
        points=(PointRubric((Concept(("check=True", "check")), Concept(("CalledProcessError", "raises")))),)
    )
    answer = "check=True means a non-zero exit raises CalledProcessError."
    assert _status(answer, points, rubric) == COVERED


def test_a_word_typed_with_one_slip_still_counts() -> None:
    points = ["Both functions short-circuit on the deciding item."]
    rubric = Rubric(points=(PointRubric((Concept(("short-circuit", "circuit")),)),))
    assert _status("they short circut, stopping early", points, rubric) == COVERED
    assert _status("they loop over everything", points, rubric) != COVERED


def test_a_special_method_is_met_by_its_name_in_prose() -> None:
    points = ["Dataclasses generate `__init__` and `__eq__` for you."]
    rubric = Rubric(
        points=(PointRubric((Concept(("dataclass",)), Concept(("__init__",)), Concept(("__eq__",)))),)
    )
    assert (
        _status("The dataclass decorator writes the constructor and equality for you.", points, rubric)
        == COVERED
    )


def test_a_word_that_shares_a_stem_with_a_code_name_is_not_that_name() -> None:
    points = [
        "`wait()` with unread pipes can deadlock.",
        "`communicate()` reads both pipes concurrently while waiting.",
    ]
    swapped = "wait() drains both pipes concurrently, so it is the safe choice."
    assert _status(swapped, points, index=1) != COVERED

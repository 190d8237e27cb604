from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence


def make_grader(breakpoints: Iterable[float], grades: Sequence[str]) -> Callable[[float], str]:
    points = list(breakpoints)
    labels = list(grades)
    if len(labels) != len(points) + 1:
        raise ValueError("there must be exactly one more grade than breakpoints")
    for lower, upper in zip(points, points[1:]):
        if lower >= upper:
            raise ValueError("breakpoints must be strictly increasing")

    def grader(score: float) -> str:
        # bisect_right counts the breakpoints <= score, so a score ON a breakpoint moves up a grade.
        return labels[bisect_right(points, score)]

    return grader

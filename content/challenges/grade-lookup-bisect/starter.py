from bisect import bisect_left, bisect_right


def make_grader(breakpoints, grades):
    """Return grader(score) -> grade, e.g. make_grader([60, 70, 80, 90], "FDCBA")(85) == "B"."""
    raise NotImplementedError

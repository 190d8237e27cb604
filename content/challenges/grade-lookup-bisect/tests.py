from solution import make_grader


def test_scores_between_breakpoints():
    grader = make_grader([60, 70, 80, 90], "FDCBA")
    return [grader(score) for score in (33, 65, 77, 85, 99)]


def test_a_score_on_a_breakpoint_gets_the_higher_grade():
    grader = make_grader([60, 70, 80, 90], "FDCBA")
    return [grader(score) for score in (59, 60, 69.99, 70, 80, 89.5, 90)]


def test_scores_beyond_both_ends():
    grader = make_grader([60, 70, 80, 90], "FDCBA")
    return [grader(-5), grader(0), grader(100), grader(1000)]


def test_grades_can_be_a_list_of_words():
    grader = make_grader([0.5, 1.5, 2.5], ["none", "low", "mid", "high"])
    return [grader(value) for value in (0, 0.5, 1, 1.5, 2.49, 2.5, 7)]


def test_no_breakpoints_means_one_grade():
    grader = make_grader([], ["pass"])
    return [grader(-1), grader(0), grader(10**9)]


def test_one_breakpoint():
    grader = make_grader([50], "NY")
    return [grader(49), grader(50), grader(51)]


def test_any_iterable_of_breakpoints():
    grader = make_grader(range(10, 50, 10), "abcde")
    tupled = make_grader((1, 2), ("x", "y", "z"))
    return [[grader(score) for score in (9, 10, 25, 40, 41)], [tupled(0), tupled(1), tupled(2)]]


def test_later_changes_to_the_callers_lists_do_not_matter():
    points = [60, 70, 80, 90]
    labels = ["F", "D", "C", "B", "A"]
    grader = make_grader(points, labels)
    points[0] = 0
    points.append(95)
    labels[0] = "changed"
    return [grader(30), grader(92)]


def test_wrong_number_of_grades_is_refused():
    return [_error(points, labels) for points, labels in (([60, 70], "FDCB"), ([60, 70], "FD"), ([], ""), ([1], "a"))]


def test_breakpoints_must_strictly_increase():
    return [_error(points, "abcd") for points in ([1, 2, 2], [3, 2, 1], [1, 3, 2], [1, 2, 3])]


def test_unsorted_breakpoints_at_the_end_are_found():
    return [_error([10, 20, 30, 40, 35], "abcdef"), _error([10, 10], "abc"), _error([20, 10], "abc")]


def test_many_breakpoints_and_many_lookups():
    grader = make_grader(range(0, 400_000, 4), [str(n) for n in range(100_001)])
    seen = [grader((n * 7919) % 400_003) for n in range(50_000)]
    return [seen[:5], seen[-5:], len(set(seen))]


def _error(points, labels):
    try:
        grader = make_grader(points, labels)
    except ValueError:
        return "ValueError"
    return ["made", grader(points[-1] if points else 0)]


def generate(rng, n):
    """Fresh increasing breakpoints (some broken), labels and scores that hit breakpoints exactly."""
    cases = []
    for _ in range(n):
        points = sorted(rng.sample(range(0, 100), rng.randint(0, 6)))
        labels = [f"g{k}" for k in range(len(points) + 1)]
        roll = rng.random()
        if roll < 0.1 and points:
            points.append(points[rng.randrange(len(points))])
            labels.append("extra")
        elif roll < 0.2:
            labels.append("extra")
        scores = [rng.choice(points) if points and rng.random() < 0.4 else rng.randint(-5, 105) for _ in range(8)]
        cases.append((points, labels, scores))
    return cases


def check(case):
    points, labels, scores = case
    try:
        grader = make_grader(list(points), list(labels))
    except ValueError:
        return "ValueError"
    return [grader(score) for score in scores]

from solution import merge


def test_two_overlaps():
    return merge([(1, 3), (2, 6), (8, 10), (15, 18)])


def test_touching_intervals_merge():
    return merge([(1, 3), (3, 5)])


def test_unsorted_input():
    return merge([(8, 10), (1, 3), (2, 6)])


def test_interval_inside_another():
    return merge([(1, 10), (2, 3), (4, 5)])


def test_single_points():
    return merge([(5, 5), (1, 1), (1, 2)])


def test_empty():
    return merge([])


def test_input_not_modified():
    data = [(4, 6), (1, 2)]
    merge(data)
    return data


def test_chain_of_overlaps():
    return merge([(n, n + 2) for n in range(0, 40, 2)] + [(100, 101)])


def test_adjacent_but_not_touching_intervals_stay_apart():
    return merge([(3, 4), (1, 2), (6, 9), (5, 5)])


def test_result_is_a_new_list_of_tuples():
    data = [(1, 2)]
    result = merge(data)
    merged = merge([(1, 3), (2, 5), (7, 8)])
    return [result is data, type(result).__name__, [type(pair).__name__ for pair in result + merged]]


def test_an_empty_input_gives_a_new_list():
    empty = []
    result = merge(empty)
    result.append((1, 2))
    return [result is empty, empty]


def generate(rng, n):
    """Fresh unsorted intervals that overlap, touch, nest and stand apart."""
    cases = []
    for _ in range(n):
        intervals = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 40)
            intervals.append((start, start + rng.randint(0, 8)))
        cases.append(intervals)
    return cases


def check(case):
    given = [tuple(pair) for pair in case]
    result = merge(given)
    return [result, type(result).__name__, result is given, given]

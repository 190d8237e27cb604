from solution import window_max


def attempt(values, k):
    try:
        return window_max(values, k)
    except ValueError as exc:
        return ["ValueError", str(exc)]


def test_maximum_of_each_window():
    return window_max([1, 3, -1, -3, 5, 3, 6, 7], 3)


def test_window_of_one_and_of_everything():
    data = [4, 2, 12, 3]
    return [window_max(data, 1), window_max(data, 4)]


def test_fewer_values_than_the_window():
    return [window_max([1, 2], 3), window_max([], 1)]


def test_duplicates_and_negatives():
    return [window_max([-5, -5, -7, -5, -9], 2), window_max([2, 2, 2, 2], 3), window_max([3, 1, 3, 1, 3], 2)]


def test_floats_that_differ_by_less_than_one():
    return [window_max([2.5, 3.0, 2.75, 2.9], 2), window_max([0.1, 0.2, 0.15], 3)]


def test_decreasing_and_increasing_runs():
    return [window_max(list(range(10, 0, -1)), 4), window_max(list(range(10)), 4)]


def test_bad_window_sizes():
    return [attempt([1, 2], k) for k in (0, -1, 1.0, True, None)]


def test_the_result_is_a_new_list_and_the_input_is_unchanged():
    data = [3, 1, 2]
    result = window_max(data, 1)
    return [type(result).__name__, result is data, data]


def test_a_large_window_over_many_values():
    values = [(n * 7919) % 100_003 for n in range(200_000)]
    result = window_max(values, 50_000)
    return [len(result), result[:3], sum(result) % 1_000_003]


def generate(rng, n):
    """Fresh lists with repeats and negatives, and window sizes from 1 to beyond the length."""
    cases = []
    for _ in range(n):
        values = [rng.randint(-6, 6) for _ in range(rng.randint(0, 20))]
        cases.append((values, rng.randint(1, 8)))
    return cases


def check(case):
    values, k = case
    return window_max(list(values), k)

from solution import top_k


def test_basic():
    return top_k([4, 4, 1, 1, 1, 2], 2)


def test_ties_prefer_smaller_value():
    return top_k([5, 3, 5, 3, 9], 2)


def test_k_larger_than_distinct():
    return top_k([7, 7, 8], 5)


def test_k_zero_or_negative():
    return [top_k([1, 2], 0), top_k([1, 2], -3), top_k([1, 2, 3, 4, 5, 5, 6], -2), top_k([9, 8, 7], -1)]


def test_k_one_is_the_single_most_common():
    return [top_k([3, 3, 1], 1), top_k([2], 1)]


def test_negative_values():
    return top_k([-1, -1, -2, -2, 0], 3)


def test_all_tied():
    return top_k([9, 2, 7, 4], 3)


def test_many_values():
    values = [n % 97 for n in range(50_000)] + [13] * 5
    return top_k(values, 4)


def generate(rng, n):
    """Fresh values with many ties in their counts, and k from 0 to past the distinct count."""
    cases = []
    for _ in range(n):
        values = [rng.randint(-5, 8) for _ in range(rng.randint(0, 40))]
        cases.append((values, rng.randint(0, 8)))
    return cases


def check(case):
    values, k = case
    return top_k(list(values), k)

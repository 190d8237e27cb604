from solution import top_k


def test_basic():
    return top_k([4, 4, 1, 1, 1, 2], 2)


def test_ties_prefer_smaller_value():
    return top_k([5, 3, 5, 3, 9], 2)


def test_k_larger_than_distinct():
    return top_k([7, 7, 8], 5)


def test_k_zero_or_negative():
    return [top_k([1, 2], 0), top_k([1, 2], -3)]


def test_negative_values():
    return top_k([-1, -1, -2, -2, 0], 3)


def test_all_tied():
    return top_k([9, 2, 7, 4], 3)


def test_many_values():
    values = [n % 97 for n in range(50_000)] + [13] * 5
    return top_k(values, 4)

from solution import lis_length, longest_increasing


def _judge(values, strict=True):
    """Observe a returned subsequence: its length, whether it is in order, whether it is a real subsequence."""
    original = list(values)
    got = longest_increasing(values, strict=strict)
    pairs = list(zip(got, got[1:]))
    ordered = all(a < b for a, b in pairs) if strict else all(a <= b for a, b in pairs)
    position = 0
    for item in got:
        while position < len(values) and values[position] != item:
            position += 1
        position += 1
    return [len(got), ordered, position <= len(values), values == original, type(got).__name__]


def test_length_of_a_small_sequence():
    return [lis_length([10, 9, 2, 5, 3, 7, 101, 18]), lis_length([0, 1, 0, 3, 2, 3]), lis_length([7, 7, 7])]


def test_the_subsequence_is_a_real_one():
    return _judge([0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15])


def test_empty_and_single():
    return [lis_length([]), longest_increasing([]), lis_length([5]), longest_increasing([5]), lis_length([], strict=False)]


def test_sorted_and_reversed():
    data = list(range(10))
    return [lis_length(data), longest_increasing(data), lis_length(data[::-1]), _judge(data[::-1])]


def test_equal_values_do_not_extend_a_strict_subsequence():
    return [lis_length([3, 3, 3]), lis_length([1, 2, 2, 3]), lis_length([2, 2, 1, 1]), longest_increasing([4, 4])]


def test_equal_values_extend_a_non_decreasing_subsequence():
    return [
        lis_length([3, 3, 3], strict=False),
        lis_length([1, 2, 2, 3], strict=False),
        lis_length([2, 2, 1, 1, 1], strict=False),
        longest_increasing([5, 1, 5, 1, 5], strict=False),
    ]


def test_non_decreasing_subsequence_is_real():
    return [_judge([3, 1, 2, 2, 1, 3, 3, 0, 2], strict=False), _judge([4, 4, 2, 2, 3, 3], strict=False)]


def test_tails_are_not_a_subsequence():
    return [longest_increasing([2, 5, 1]), _judge([2, 5, 1]), longest_increasing([3, 4, 5, 1, 2])]


def test_a_unique_answer_is_returned_exactly():
    return [longest_increasing([9, 1, 8, 2, 3, 0]), longest_increasing([5, 6, 1, 7, 2, 8]), longest_increasing([4, 1, 2, 0, 3])]


def test_strings_and_floats():
    return [lis_length(list("banana")), lis_length([0.5, -1.5, 0.25, 2.0, 1.0]), _judge(list("mississippi"), strict=False)]


def test_input_is_not_modified():
    data = [5, 2, 8, 1, 9]
    longest_increasing(data)
    lis_length(data, strict=False)
    return data


def test_large_input():
    data = [(i * 7919) % 200_003 for i in range(200_000)]
    return [lis_length(data), lis_length(data, strict=False), _judge(data)[:3]]


def test_large_input_with_many_duplicates():
    data = [(i * 31) % 1_000 for i in range(200_000)]
    return [lis_length(data), lis_length(data, strict=False), _judge(data, strict=False)[:3]]


def generate(rng, n):
    """Fresh short lists of small ints (so duplicates and ties are common) and a strictness."""
    return [([rng.randint(0, 9) for _ in range(rng.randint(0, 15))], rng.choice([True, False])) for _ in range(n)]


def check(case):
    values, strict = case
    return [lis_length(list(values), strict=strict), _judge(list(values), strict=strict)]

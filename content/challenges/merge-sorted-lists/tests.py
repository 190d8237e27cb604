from solution import merge_sorted


def test_interleaves_two_sorted_lists():
    return merge_sorted([1, 4, 6, 10], [2, 3, 7])


def test_one_side_runs_out_first():
    return [merge_sorted([1, 2], [3, 4, 5]), merge_sorted([5, 6, 7], [1]), merge_sorted([9], [1, 2, 3])]


def test_empty_inputs():
    return [merge_sorted([], []), merge_sorted([], [1, 2]), merge_sorted([3, 4], [])]


def test_duplicates_are_all_kept():
    return [merge_sorted([1, 1, 2], [1, 2, 2]), merge_sorted([0, 0], [0])]


def test_ties_take_the_first_lists_items_first():
    words = merge_sorted(["apple", "Cherry"], ["Apple", "banana", "cherry"], key=str.lower)
    pairs = merge_sorted([(1, "a"), (2, "a"), (2, "b")], [(0, "x"), (2, "x"), (3, "x")], key=lambda pair: pair[0])
    return [words, pairs]


def test_the_key_decides_the_order():
    return [
        merge_sorted(["aa", "dddd"], ["b", "ccc", "eeeee"], key=len),
        merge_sorted([-1, 2, -3], [1, -2, 4], key=abs),
    ]


def test_negative_numbers_and_floats():
    return merge_sorted([-5, -1.5, 0, 2.25], [-3, -1.5, 7])


def test_result_is_a_new_list_and_inputs_are_unchanged():
    first, second, empty = [1, 3], [2], []
    results = [merge_sorted(first, second), merge_sorted(first, empty), merge_sorted(empty, second)]
    results[1].append("x")
    results[2].append("y")
    return [
        first,
        second,
        empty,
        [type(result).__name__ for result in results],
        merge_sorted(first, empty) is first,
        merge_sorted(empty, second) is second,
    ]


def test_strings():
    return merge_sorted(["ant", "cat", "eel"], ["bee", "dog", "fox", "gnu"])


def test_long_lists_in_linear_time():
    evens = list(range(0, 600_000, 2))
    odds = list(range(1, 600_000, 2))
    merged = merge_sorted(evens, odds)
    return [len(merged), merged[:4], merged[-4:], merged == list(range(600_000)), len(evens), len(odds)]


def generate(rng, n):
    """Fresh sorted lists of (key, tag) pairs with many equal keys, including empty ones."""
    cases = []
    for _ in range(n):
        first = sorted((rng.randint(0, 8), "a" + str(k)) for k in range(rng.randint(0, 10)))
        second = sorted((rng.randint(0, 8), "b" + str(k)) for k in range(rng.randint(0, 10)))
        first.sort(key=lambda pair: pair[0])
        second.sort(key=lambda pair: pair[0])
        cases.append((first, second))
    return cases


def check(case):
    first, second = [list(map(tuple, side)) for side in case]
    before = [list(first), list(second)]
    by_key = merge_sorted(first, second, key=lambda pair: pair[0])
    keys_only = merge_sorted([pair[0] for pair in first], [pair[0] for pair in second])
    return [by_key, keys_only, [first, second] == before]

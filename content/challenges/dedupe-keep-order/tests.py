from solution import dedupe


def test_numbers():
    return dedupe([3, 1, 3, 2, 1])


def test_already_unique():
    return dedupe(["x", "y", "z"])


def test_key_function():
    return dedupe(["a", "B", "b", "A", "c"], key=str.lower)


def test_tuples_by_first_field():
    return dedupe([(1, "one"), (2, "two"), (1, "uno")], key=lambda pair: pair[0])


def test_empty():
    return dedupe([])


def test_input_untouched():
    data = [2, 2, 1]
    dedupe(data)
    return data


def test_result_is_always_a_new_list():
    unique = [1, 2, 3]
    result = dedupe(unique)
    from_tuple = dedupe((1, 1, 2))
    return [result is unique, type(result).__name__, type(from_tuple).__name__, from_tuple]


def test_an_empty_input_gives_a_new_list():
    empty = []
    result = dedupe(empty)
    result.append(1)
    from_tuple = dedupe((), key=abs)
    return [result is empty, empty, type(from_tuple).__name__, from_tuple]


def test_many_distinct_items():
    items = [n % 60_000 for n in range(120_000)]
    result = dedupe(items)
    return [len(result), result[:3], result[-3:]]


def generate(rng, n):
    """Fresh sequences with repeats; half of them deduplicated by a key (the value modulo 7)."""
    return [([rng.randint(-10, 30) for _ in range(rng.randint(0, 40))], rng.random() < 0.5) for _ in range(n)]


def check(case):
    items, by_key = case
    given = list(items)
    result = dedupe(given, key=lambda item: item % 7) if by_key else dedupe(given)
    return [result, type(result).__name__, result is given, given]

from itertools import count, islice

from solution import chunked


def test_splits_into_lists_of_size():
    return list(chunked([1, 2, 3, 4, 5, 6, 7], 3))


def test_exact_multiple_has_no_empty_chunk():
    return list(chunked("abcdef", 2))


def test_empty_input_and_size_one():
    return [list(chunked([], 4)), list(chunked(range(3), 1)), list(chunked([1, 2], 5))]


def test_works_lazily_on_an_endless_iterator():
    def endless():
        for n in count():
            if n == 10_000:
                raise LookupError("an endless source was read to the end")
            yield n

    try:
        return list(islice(chunked(endless(), 4), 3))
    except LookupError as exc:
        return str(exc)


def test_reads_only_what_it_needs():
    pulled = []

    def source():
        for n in range(100):
            pulled.append(n)
            yield n

    chunks = chunked(source(), 3)
    first = next(chunks)
    return [first, pulled]


def test_bad_size_is_refused_when_called():
    outcomes = []
    for size in (0, -2, 2.0, None, True):
        try:
            chunked([1, 2, 3], size)
            outcomes.append("accepted")
        except ValueError as exc:
            outcomes.append(str(exc))
    return outcomes


def test_chunks_are_new_lists_and_result_is_an_iterator():
    data = [1, 2]
    chunks = chunked(data, 2)
    first = next(chunks)
    return [iter(chunks) is chunks, type(first).__name__, first is data, first == data]


def test_works_on_any_iterable():
    return [list(chunked({"a": 1, "b": 2, "c": 3}, 2)), list(chunked((x * x for x in range(5)), 2))]


def test_a_million_items():
    total = 0
    chunks = 0
    for chunk in chunked(range(1_000_000), 1000):
        total += chunk[-1]
        chunks += 1
    return [chunks, total]


def generate(rng, n):
    """Fresh lists of every length from empty, and sizes from 1 to beyond the length."""
    return [([rng.randint(-9, 9) for _ in range(rng.randint(0, 20))], rng.randint(1, 7)) for _ in range(n)]


def check(case):
    items, size = case
    chunks = list(chunked(iter(items), size))
    return [chunks, [type(chunk).__name__ for chunk in chunks]]

from itertools import count, islice

from solution import merge_sorted


def test_merges_sorted_lists():
    return list(merge_sorted([[1, 4, 9], [2, 3, 10], [0, 5]]))


def test_empty_inputs_and_no_inputs():
    return [list(merge_sorted([])), list(merge_sorted([[], [1], []])), list(merge_sorted([[], []]))]


def test_equal_keys_keep_input_order():
    first = [(1, "a"), (2, "a")]
    second = [(1, "b"), (2, "b")]
    return list(merge_sorted([first, second], key=lambda pair: pair[0]))


def test_items_that_cannot_be_compared_are_fine_with_a_key():
    class Job:
        def __init__(self, priority, name):
            self.priority, self.name = priority, name

    merged = merge_sorted([[Job(1, "x"), Job(3, "y")], [Job(1, "z"), Job(2, "w")]], key=lambda job: job.priority)
    return [job.name for job in merged]


def test_it_reads_lazily_from_endless_inputs():
    def endless(start, step):
        for n in count(start, step):
            if n > 10_000:
                raise LookupError("an endless input was read to the end")
            yield n

    try:
        return list(islice(merge_sorted([endless(0, 3), endless(1, 3), endless(2, 3)]), 8))
    except LookupError as exc:
        return str(exc)


def test_reads_one_item_ahead_per_input():
    pulled = []

    def source(name, items):
        for item in items:
            pulled.append(f"{name}{item}")
            yield item

    merged = merge_sorted([source("a", [1, 5]), source("b", [2, 3, 4])])
    first_two = [next(merged), next(merged)]
    return [first_two, pulled]


def test_duplicates_across_and_within_inputs():
    return list(merge_sorted([[1, 1, 2], [1, 2, 2], [2]]))


def test_strings_and_a_generator_of_inputs():
    return list(merge_sorted(iter([["apple", "cherry"], ("banana",), iter(["avocado", "date"])])))


def test_many_inputs():
    inputs = [range(n, 300_000, 1000) for n in range(1000)]
    merged = merge_sorted(inputs)
    total = 0
    last = -1
    ordered = True
    for item in merged:
        ordered = ordered and item >= last
        last = item
        total += 1
    return [total, ordered, last]


def generate(rng, n):
    """Fresh groups of sorted lists of (key, label) pairs with many equal keys."""
    cases = []
    for _ in range(n):
        groups = []
        for index in range(rng.randint(0, 5)):
            keys = sorted(rng.randint(0, 6) for _ in range(rng.randint(0, 6)))
            groups.append([[key, f"{index}.{position}"] for position, key in enumerate(keys)])
        cases.append(groups)
    return cases


def check(case):
    merged = list(merge_sorted([[tuple(pair) for pair in group] for group in case], key=lambda pair: pair[0]))
    return [list(pair) for pair in merged]

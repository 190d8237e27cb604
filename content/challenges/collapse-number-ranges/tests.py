import random

from solution import collapse_ranges, expand_ranges


def test_collapses_runs_of_three_or_more():
    return collapse_ranges([1, 2, 3, 5, 7, 8, 9])


def test_expands_back():
    return expand_ranges("1-3,5,7-9")


def test_runs_of_two_stay_separate():
    return [collapse_ranges([4, 5]), collapse_ranges([1, 2, 4, 5, 6, 8, 9]), collapse_ranges([10, 11, 12, 13])]


def test_unsorted_input_with_duplicates():
    return [collapse_ranges([9, 1, 3, 2, 8, 7, 2, 3]), collapse_ranges([5, 5, 5]), collapse_ranges([3, 1, 2, 2, 1])]


def test_negative_numbers_and_zero():
    return [collapse_ranges([-3, -2, -1, 0, 2]), collapse_ranges([-5, -4, -3]), collapse_ranges([-1, 1])]


def test_empty_and_single():
    return [collapse_ranges([]), collapse_ranges([42]), collapse_ranges(iter([0]))]


def test_any_iterable():
    return [collapse_ranges(range(10, 15)), collapse_ranges(n * 2 for n in range(4)), collapse_ranges({3, 4, 5, 7})]


def test_expand_singles_ranges_and_spaces():
    return [_expand("5"), _expand(" 1-3 , 7 "), _expand("4-4,2"), _expand(""), _expand("   ")]


def test_expand_negative_numbers():
    return [_expand("-3--1"), _expand("-2-1"), _expand("-7,0,7")]


def test_expand_keeps_the_written_order():
    return [_expand("9,1-2,1"), _expand("3-4,3-4")]


def test_expand_refuses_bad_items():
    texts = ["3-1", "5-4", "0--1", "a", "1,,2", "1-2-3", "1,", "--1", "1.5", "1 2", "2-", "-", "\u0661-\u0663"]
    return [_expand(text) for text in texts]


def test_round_trip():
    numbers = sorted(set(random.Random(7).sample(range(-300, 300), 250)))
    return [_expand(collapse_ranges(numbers)) == numbers, collapse_ranges(numbers)]


def test_many_numbers():
    numbers = [n for n in range(300_000) if n % 7 != 3]
    random.Random(1).shuffle(numbers)
    text = collapse_ranges(numbers)
    return [len(text), text[:40], text[-30:], len(_expand(text))]


def _expand(text):
    try:
        return expand_ranges(text)
    except ValueError:
        return "ValueError"


def _item(rng):
    first = rng.randint(-6, 12)
    kind = rng.random()
    if kind < 0.45:
        return str(first)
    if kind < 0.85:
        return f"{first}-{first + rng.randint(0, 4)}"
    return rng.choice(["x", "", f"{first}-{first - 2}", "1-2-3", f" {first} "])


def generate(rng, n):
    """Fresh shuffled number bags with runs, gaps and repeats, and range texts (some malformed)."""
    cases = []
    for _ in range(n):
        numbers = [rng.randint(-8, 20) for _ in range(rng.randint(0, 25))]
        rng.shuffle(numbers)
        text = ",".join(_item(rng) for _ in range(rng.randint(1, 5)))
        cases.append((numbers, text))
    return cases


def check(case):
    numbers, text = case
    collapsed = collapse_ranges(list(numbers))
    return [collapsed, _expand(collapsed), _expand(text)]

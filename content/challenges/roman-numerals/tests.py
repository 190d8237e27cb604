from solution import from_roman, to_roman


def attempt(action):
    try:
        return action()
    except ValueError as exc:
        return ["ValueError", str(exc)]


def test_small_numbers():
    return [to_roman(n) for n in (1, 2, 3, 4, 5, 6, 9, 10, 14, 40, 90, 400, 900)]


def test_reading_numerals():
    return [attempt(lambda t=t: from_roman(t)) for t in ("III", "IV", "IX", "LVIII", "MCMXCIV", "MMXXVI")]


def test_the_largest_and_subtractive_pairs():
    return [to_roman(3999), to_roman(1994), to_roman(444), to_roman(49), to_roman(3888)]


def test_out_of_range_numbers_are_refused():
    return [attempt(lambda n=n: to_roman(n)) for n in (0, -1, 4000, 2.0, True, "5")]


def test_non_canonical_numerals_are_refused():
    return [attempt(lambda t=t: from_roman(t)) for t in ("IIII", "IC", "VX", "", "iv", "MMMM", "XIIV", " X", "IL", "VV", "LXL")]


def test_every_number_round_trips():
    return all(attempt(lambda n=n: from_roman(to_roman(n))) == n for n in range(1, 4000))


def test_lengths_of_all_numerals():
    return sum(len(to_roman(n)) for n in range(1, 4000))


def generate(rng, n):
    """Fresh numbers in and just outside the range, and strings built from numeral letters."""
    cases = []
    for _ in range(n):
        numbers = [rng.choice([rng.randint(1, 3999), rng.randint(-5, 5), rng.randint(3990, 4010)]) for _ in range(5)]
        texts = ["".join(rng.choice("IVXLCDM") for _ in range(rng.randint(0, 6))) for _ in range(5)]
        cases.append((numbers, texts))
    return cases


def check(case):
    numbers, texts = case
    return [[attempt(lambda n=n: to_roman(n)) for n in numbers], [attempt(lambda t=t: from_roman(t)) for t in texts]]

from solution import format_duration, parse_duration


def attempt(action, value):
    try:
        return action(value)
    except ValueError as exc:
        return ["ValueError", str(exc)]


def test_parses_combined_units():
    return [parse_duration(text) for text in ("1h30m", "45s", "2d", "1d2h3m4s", "90m", "0s")]


def test_formats_with_the_largest_units():
    return [format_duration(seconds) for seconds in (5400, 45, 172_800, 93_784, 0, 3600, 61)]


def test_units_must_come_in_order_and_once():
    return [attempt(parse_duration, text) for text in ("30m1h", "1h1h", "1s1m", "2h3d")]


def test_malformed_text_is_refused():
    bad = ["", "h", "1", "1.5h", "-1h", "1 h", " 1h", "1h ", "1H", "1hour", "1h30", "h30m", "1x"]
    return [attempt(parse_duration, text) for text in bad]


def test_a_trailing_newline_is_refused():
    return [attempt(parse_duration, "1h\n"), attempt(parse_duration, "\n1h")]


def test_only_ascii_digits_count():
    return [attempt(parse_duration, "١h"), attempt(parse_duration, "１m"), attempt(parse_duration, "²s")]


def test_leading_zeros_and_large_numbers():
    return [parse_duration("007m"), parse_duration("100000d"), parse_duration("0d0h0m0s")]


def test_format_refuses_bad_values():
    return [attempt(format_duration, value) for value in (-1, 1.5, True, "60")]


def test_round_trip():
    return all(parse_duration(format_duration(n)) == n for n in range(0, 200_000, 37))


def generate(rng, n):
    """Fresh durations built from random parts, some in the wrong order, repeated or garbled."""
    cases = []
    for _ in range(n):
        parts = [f"{rng.randint(0, 120)}{unit}" for unit in "dhms" if rng.random() < 0.5]
        if rng.random() < 0.3:
            rng.shuffle(parts)
        text = "".join(parts)
        if rng.random() < 0.2:
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice([" ", "x", "1", "h", "\n"]) + text[at:]
        cases.append((text, rng.randint(0, 400_000)))
    return cases


def check(case):
    text, seconds = case
    return [attempt(parse_duration, text), format_duration(seconds), parse_duration(format_duration(seconds)) == seconds]

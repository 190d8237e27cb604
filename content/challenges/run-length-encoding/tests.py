from solution import rle_decode, rle_encode


def attempt(action):
    try:
        return action()
    except ValueError as exc:
        return ["ValueError", str(exc)]


def test_runs_are_counted():
    return rle_encode("aaabccdddd")


def test_decoding_repeats_each_character():
    return rle_decode([("x", 3), ("y", 1), ("z", 2)])


def test_empty_text_and_single_characters():
    return [rle_encode(""), rle_encode("a"), rle_decode([]), rle_encode("abc")]


def test_a_character_can_appear_in_separate_runs():
    return rle_encode("aabaa")


def test_case_whitespace_and_unicode_are_characters_too():
    return [rle_encode("AAaa  \n\n"), rle_encode("ééé🙂🙂"), rle_decode(rle_encode("ééé🙂🙂"))]


def test_result_is_a_list_of_tuples():
    result = rle_encode("aab")
    return [type(result).__name__, [type(pair).__name__ for pair in result], [type(pair[1]).__name__ for pair in result]]


def test_decode_accepts_any_iterable_of_pairs():
    return [rle_decode(iter([("a", 2), ("b", 1)])), rle_decode((pair for pair in [("c", 3)])), rle_decode([["d", 2]])]


def test_bad_pairs_are_refused():
    bad = [[("ab", 2)], [("", 1)], [("a", 0)], [("a", -1)], [("a", 1.0)], [(5, 2)], [("a", True)], [("a", "3")]]
    return [attempt(lambda pairs=pairs: rle_decode(pairs)) for pairs in bad]


def test_a_long_run():
    text = "z" * 100_000 + "y"
    return [rle_encode(text), len(rle_decode(rle_encode(text)))]


def test_round_trip_on_many_runs():
    text = "".join(chr(97 + n % 3) * (n % 5 + 1) for n in range(20_000))
    encoded = rle_encode(text)
    return [len(encoded), rle_decode(encoded) == text]


def generate(rng, n):
    """Fresh texts with runs of repeated letters, spaces and non-ASCII characters."""
    return ["".join(rng.choice("aab é🙂") * rng.randint(1, 4) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def check(case):
    encoded = rle_encode(case)
    return [encoded, [type(pair).__name__ for pair in encoded], rle_decode(encoded) == case]

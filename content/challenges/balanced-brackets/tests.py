from solution import bracket_error


def test_balanced_text_has_no_error():
    return [bracket_error(text) for text in ("", "()", "([]{})", "f(a[0], {b: (c)})", "no brackets at all")]


def test_a_closer_without_an_opener():
    return [bracket_error(")"), bracket_error("ab)c"), bracket_error("()]"), bracket_error("(a))(")]


def test_a_closer_of_the_wrong_kind():
    return [bracket_error("(]"), bracket_error("([)]"), bracket_error("{[}]"), bracket_error("x = [1, 2)")]


def test_an_unclosed_opener_reports_the_earliest_one():
    return [bracket_error("("), bracket_error("a(b[c"), bracket_error("(()"), bracket_error("[]{(")]


def test_counting_alone_is_not_enough():
    return [bracket_error(")("), bracket_error("]["), bracket_error("({)}"), bracket_error("(([]))")]


def test_other_characters_are_ignored():
    return [bracket_error("<a href='x'>(1)</a>"), bracket_error("😀(é[ü]{ß})"), bracket_error("\\(")]


def test_deep_nesting():
    depth = 100_000
    text = "([{" * depth + "}])" * depth
    return [bracket_error(text), bracket_error(text + ")"), bracket_error("(" + text)]


def generate(rng, n):
    """Fresh strings of brackets and letters: mostly well-formed ones with one change, some random."""
    cases = []
    for _ in range(n):
        chars = []
        for _ in range(rng.randint(0, 10)):
            opener, closer = rng.choice(["()", "[]", "{}"])
            chars[rng.randint(0, len(chars)):rng.randint(0, len(chars))] = [opener]
            chars.insert(len(chars), closer)
        text = "".join(chars)
        if text and rng.random() < 0.6:
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice("()[]{}x") + text[at + 1:]
        cases.append(text)
    return cases


def check(case):
    return bracket_error(case)

from solution import wrap


def test_words_fill_each_line_greedily():
    return wrap("the quick brown fox jumps over the lazy dog", 10)


def test_a_line_may_be_exactly_the_width():
    return [wrap("abc def", 7), wrap("abc def", 6), wrap("ab cd ef", 5)]


def test_a_long_word_gets_a_line_of_its_own():
    return [wrap("a supercalifragilistic word", 8), wrap("antidisestablishment", 5)]


def test_whitespace_runs_and_newlines_collapse():
    return wrap("  one\ttwo\n\nthree    four  ", 9)


def test_empty_and_blank_text():
    return [wrap("", 10), wrap("   \n\t ", 10)]


def test_width_one():
    return wrap("a b cc d", 1)


def test_bad_width_is_refused():
    outcomes = []
    for width in (0, -5, 2.5, None, True):
        try:
            wrap("text", width)
            outcomes.append("accepted")
        except ValueError as exc:
            outcomes.append(str(exc))
    return outcomes


def test_lines_never_exceed_the_width_unless_one_word_does():
    text = " ".join("w" * (n % 9 + 1) for n in range(400))
    lines = wrap(text, 20)
    return [len(lines), max(len(line) for line in lines), " ".join(lines) == text]


def test_unicode_counts_characters():
    return wrap("naïve café déjà vu ünïcödé", 11)


def test_a_long_text_in_linear_time():
    lines = wrap("word " * 200_000, 79)
    return [len(lines), lines[0], lines[-1]]


def generate(rng, n):
    """Fresh texts of short and long words with irregular whitespace, and widths from 1 to 30."""
    cases = []
    for _ in range(n):
        words = ["".join(rng.choice("abcxyzé") for _ in range(rng.choice([1, 2, 3, 5, 8, 13]))) for _ in range(rng.randint(0, 15))]
        text = "".join(word + rng.choice([" ", "  ", "\n", "\t "]) for word in words)
        cases.append((rng.choice(["", " "]) + text, rng.randint(1, 30)))
    return cases


def check(case):
    text, width = case
    return wrap(text, width)

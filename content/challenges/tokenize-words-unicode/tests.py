from solution import words


def test_splits_on_spaces_and_punctuation():
    return words("Hello, world! This is:a test...")


def test_apostrophes_and_hyphens_inside_words():
    return words("Don't panic: it's a well-known rock'n'roll trick.")


def test_apostrophes_and_hyphens_at_the_edges_or_doubled_are_not_words():
    return words("'quoted' -dash- twice--over it''s end' -- ' - ok-")


def test_curly_apostrophes_count_as_apostrophes():
    return [words("Don\u2019t stop, it\u2019s fine"), words("\u2018single\u2019 quotes")]


def test_casefold_not_lower():
    return [words("Straße STRASSE strasse"), words("\ufb01le FILE"), words("ΟΔΟΣ οδος")]


def test_composed_and_decomposed_accents_are_the_same_word():
    return [words("café cafe\u0301 CAFÉ"), words("nai\u0308ve re\u0301sume\u0301")]


def test_digits_are_word_characters_underscores_are_not():
    return [words("version 3.14 has 2 parts"), words("snake_case __dunder__ x_1"), words("covid19 mp3-player")]


def test_letters_from_any_script():
    return words("Привет, мир! 東京 タワー; مرحبا")


def test_empty_and_no_words():
    return [words(""), words("   "), words("... --- ''' !!!"), words("_ __ ___")]


def test_other_separators():
    return words("tab\tnew\nline|pipe/slash+plus&and*star")


def test_a_long_text():
    result = words("It's a well-known fact. " * 20_000)
    return [len(result), result[:5], sorted(set(result))]


PIECES = [
    "Straße", "STRASSE", "café", "cafe\u0301", "CAFÉ", "don't", "don\u2019t", "well-known", "rock'n'roll",
    "'quoted'", "--", "-x-", "snake_case", "3.14", "mp3", "\ufb01le", "ΟΔΟΣ", "Привет", "東京", "it''s", "a", "I",
]


def generate(rng, n):
    """Fresh texts mixing tricky words with random separators."""
    cases = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 12)):
            parts.append(rng.choice(PIECES))
            parts.append(rng.choice([" ", "  ", ", ", ".", "!", "\n", "-", "'", "_", "\t", "/"]))
        cases.append("".join(parts))
    return cases


def check(case):
    return words(case)

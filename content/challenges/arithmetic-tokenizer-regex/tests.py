from solution import TokenizeError, tokenize


def _seen(text):
    return [[t.kind, t.value, type(t.value).__name__, t.line, t.column] for t in tokenize(text)]


def _error(text):
    try:
        tokenize(text)
    except TokenizeError as exc:
        return [str(exc), exc.line, exc.column, isinstance(exc, ValueError)]
    return "no error"


def test_a_simple_expression():
    return _seen("price * (1 + rate)")


def test_an_unexpected_character_names_its_position():
    return [_error("2 + $x"), _error("total = 3")]


def test_empty_and_blank_input():
    return [_seen(""), _seen("   \t "), _seen("\n\n"), _seen("# only a comment")]


def test_numbers_and_their_types():
    return _seen("42 3.14 .5 2. 1e3 1E-2 2.5e+1 007")


def test_a_lone_dot_is_an_error():
    return [_error("1 + ."), _error(". 5")]


def test_an_incomplete_exponent_is_not_part_of_the_number():
    return [_seen("1e"), _seen("2e+"), _seen("3.e5x")]


def test_names():
    return _seen("x _tmp rate2 __init__ A_B9")


def test_a_name_cannot_start_with_a_digit():
    return _seen("9lives")


def test_two_character_operators_win_over_one_character_ones():
    return [_seen("2**3"), _seen("7//2"), _seen("2***3"), _seen("a///b"), _seen("-+*/%(),")]


def test_lines_and_columns():
    return _seen("a + 1\n  b*2\n\n\tc")


def test_comments_run_to_the_end_of_the_line():
    return _seen("x + 1 # set x\n# nothing here\ny # + 2\n3")


def test_an_error_on_a_later_line():
    return [_error("a + b\nc + d\n  e ? f"), _error("1\n\n\n   @"), _error("ok\n!")]


def test_an_error_right_after_a_newline_and_at_the_start():
    return [_error("x\n$"), _error("$"), _error("\n\n;")]


def test_no_character_is_silently_skipped():
    return [_error("1 + 2 ; 3"), _error("a = b"), _error("x\r\ny"), _error("[1]"), _error("1 + 2!")]


def test_non_ascii_digits_and_letters_are_errors():
    return [_error("١ + 1"), _error("π * r"), _error("x + ²")]


def test_the_position_counts_characters_not_bytes():
    return [_error("x # é é\ny + é"), _error("x + y  €")]


def test_token_fields():
    token = tokenize("  answer")[0]
    return [type(token).__name__, token.kind, token.value, token.line, token.column, token._fields]


def test_a_long_expression():
    text = " + ".join(f"x{n} * {n}.5" for n in range(50_000)) + "\n" + "(1)" * 40_000
    tokens = tokenize(text)
    return [len(tokens), list(tokens[-1]), list(tokens[-4]), list(tokens[99_999]), sum(1 for t in tokens if t.kind == "NUMBER")]


def test_an_error_at_the_end_of_a_long_text():
    return _error("1 + " * 30_000 + "2\n" * 5_000 + "  #ok\n  1 ^ 2")


def generate(rng, n):
    """Fresh random token soups: numbers, names, operators, blanks, newlines, comments and sometimes a bad character."""
    pieces = ["1", "23", "4.5", ".5", "6.", "7e2", "8E-1", "x", "_y", "ab1", "+", "-", "*", "**", "/", "//", "%", "(", ")", ",", " ", "  ", "\t", "\n", "# c\n"]
    cases = []
    for _ in range(n):
        parts = [rng.choice(pieces) for _ in range(rng.randint(0, 20))]
        if parts and rng.random() < 0.4:
            parts.insert(rng.randrange(len(parts)), rng.choice(["$", "?", ".", "!", "é"]))
        cases.append("".join(parts))
    return cases


def check(case):
    try:
        return _seen(case)
    except TokenizeError as exc:
        return ["error", str(exc), exc.line, exc.column]

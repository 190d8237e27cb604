from solution import format_table


def test_a_small_table():
    return format_table(["name", "qty", "price"], [["apple", 3, 0.5], ["kiwi", 1200, 12.0]]).split("\n")


def test_numbers_right_text_left():
    return format_table(["item", "count"], [["a", 7], ["bbbbbb", 12345], ["cc", -3]]).split("\n")


def test_headers_are_centred_with_the_spare_space_on_the_right():
    return [
        format_table(["ab", "name", "x"], [["12345", "abcde", "abcd"]]).split("\n"),
        format_table(["odd"], [["abcdef"]]).split("\n"),
    ]


def test_a_wide_header_sets_the_column_width():
    return format_table(["description", "n"], [["tea", 1], ["jam", 22]]).split("\n")


def test_floats_have_two_decimals_and_separators():
    return format_table(["x"], [[0.125], [1234567.891], [-0.5], [2.0], [1e-9]]).split("\n")


def test_ints_have_thousands_separators():
    return format_table(["n"], [[0], [999], [1000], [-1234567], [10**12]]).split("\n")


def test_booleans_are_yes_or_no_and_left_aligned():
    return format_table(["flag", "count"], [[True, 1], [False, 0]]).split("\n")


def test_none_is_an_empty_cell():
    return format_table(["a", "b", "c"], [[None, "x", None], ["long text", None, 5]]).split("\n")


def test_other_values_use_str():
    return format_table(["what", "value"], [["list", [1, 2]], ["tuple", (3,)], ["text", "plain"]]).split("\n")


def test_no_line_ends_with_a_space():
    table = format_table(["left", "right"], [["a", "b"], ["a much longer cell", "c"]])
    return [table.split("\n"), [line.endswith(" ") for line in table.split("\n")], table.endswith("\n")]


def test_no_rows_is_headers_and_rule_only():
    return format_table(["one", "two"], [])


def test_a_row_of_the_wrong_length_is_refused():
    outcomes = []
    for rows in ([["a"]], [["a", 1], ["b", 2, 3]], [[]]):
        try:
            outcomes.append(format_table(["k", "v"], rows))
        except ValueError:
            outcomes.append("ValueError")
    return outcomes


def _value(rng):
    kind = rng.randrange(6)
    if kind == 0:
        return rng.randint(-5_000_000, 5_000_000)
    if kind == 1:
        return round(rng.uniform(-20_000, 20_000), rng.randint(0, 4))
    if kind == 2:
        return rng.choice([True, False, None])
    return "".join(rng.choice("abcxyz ") for _ in range(rng.randint(0, 9))).strip() or "w"


def generate(rng, n):
    """Fresh headers of every length parity and rows mixing text, ints, floats, bools and None."""
    cases = []
    for _ in range(n):
        columns = rng.randint(1, 4)
        headers = ["h" * rng.randint(1, 9) for _ in range(columns)]
        rows = [[_value(rng) for _ in range(columns)] for _ in range(rng.randint(0, 5))]
        if rows and rng.random() < 0.1:
            rows[-1].append("extra")
        cases.append((headers, rows))
    return cases


def check(case):
    headers, rows = case
    try:
        return format_table(list(headers), [list(row) for row in rows]).split("\n")
    except ValueError:
        return "ValueError"

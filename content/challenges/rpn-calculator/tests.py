from solution import evaluate_rpn


def test_adds_then_multiplies():
    return evaluate_rpn("3 4 + 2 *")


def test_operand_order_matters_for_minus_and_divide():
    return [evaluate_rpn("10 4 -"), evaluate_rpn("4 10 -"), evaluate_rpn("20 5 /"), evaluate_rpn("5 20 /")]


def test_division_truncates_toward_zero():
    return [evaluate_rpn("7 2 /"), evaluate_rpn("-7 2 /"), evaluate_rpn("7 -2 /"), evaluate_rpn("-7 -2 /")]


def test_exact_and_zero_dividends():
    return [evaluate_rpn("-8 2 /"), evaluate_rpn("8 -2 /"), evaluate_rpn("0 -5 /"), evaluate_rpn("1 3 /")]


def test_dividing_by_one_and_minus_one():
    return [evaluate_rpn("-1 1 /"), evaluate_rpn("7 -1 /"), evaluate_rpn("-1 -1 /"), evaluate_rpn("-9 1 /")]


def test_negative_numbers_are_operands():
    return [evaluate_rpn("-3 -4 *"), evaluate_rpn("-3 4 -"), evaluate_rpn("-12")]


def test_a_single_number_and_extra_whitespace():
    return [evaluate_rpn("42"), evaluate_rpn("  1   2\t+\n ")]


def test_a_long_expression():
    return evaluate_rpn("15 7 1 1 + - / 3 * 2 1 1 + + -")


def test_huge_integers_stay_exact():
    big = 10**30 + 7
    # as text: the judge compares numbers with a relative tolerance, digits are compared exactly
    return [
        str(evaluate_rpn(f"{big} 3 /")),
        str(evaluate_rpn(f"-{big} 3 /")),
        str(evaluate_rpn(f"{big} {big} *")),
        str(evaluate_rpn(f"{2**64 + 1} 1 /")),
    ]


def test_division_by_zero_raises():
    return evaluate_rpn("1 0 /")


def test_empty_expression_is_an_error():
    return evaluate_rpn("   ")


def test_an_operator_without_two_operands_is_an_error():
    return [_error(text) for text in ("+", "1 +", "1 2 + *", "- 5")]


def test_leftover_operands_are_an_error():
    return [_error(text) for text in ("1 2", "1 2 3 +")]


def test_an_unknown_token_is_an_error():
    return [_error(text) for text in ("2 3 ^", "2 x +", "1 2 %", "2.5 2 *", "7 ?", "1 2 x +")]


def test_only_plain_decimal_digits_make_a_number():
    return [
        _error(text)
        for text in ("+3 4 +", "1_000 1 +", "\u0663 1 +", "\uff13 1 +", "0x10 1 +", "-0 1 +", "007 1 +")
    ]


def _error(text):
    try:
        return ["value", evaluate_rpn(text)]
    except ValueError:
        return "ValueError"


def _expression(rng, depth):
    if depth == 0 or rng.random() < 0.3:
        number = rng.randint(-12, 12) if rng.random() < 0.85 else rng.randint(-(10**20), 10**20)
        return [str(number)]
    return _expression(rng, depth - 1) + _expression(rng, depth - 1) + [rng.choice("+-*//")]


def generate(rng, n):
    """Fresh expression trees (some with huge numbers), a few with a token dropped or added."""
    cases = []
    for _ in range(n):
        tokens = _expression(rng, rng.randint(1, 4))
        roll = rng.random()
        if roll < 0.1 and len(tokens) > 1:
            del tokens[rng.randrange(len(tokens))]
        elif roll < 0.2:
            tokens.insert(rng.randrange(len(tokens) + 1), rng.choice(["7", "+", "-"]))
        cases.append(" ".join(tokens))
    return cases


def check(case):
    try:
        return ["value", str(evaluate_rpn(case))]
    except (ValueError, ZeroDivisionError) as exc:
        return type(exc).__name__

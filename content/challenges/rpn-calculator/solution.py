import operator
import re

# int() also takes "+3", "1_000" and non-ASCII digits ("٣"); the statement allows only ASCII digits and a "-".
_INTEGER = re.compile(r"-?[0-9]+")


def _divide(left: int, right: int) -> int:
    """Integer division that truncates toward zero, exactly, for ints of any size."""
    quotient = abs(left) // abs(right)
    return quotient if (left < 0) == (right < 0) else -quotient


OPERATORS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": _divide}


def evaluate_rpn(expression: str) -> int:
    stack: list[int] = []
    for token in expression.split():
        apply = OPERATORS.get(token)
        if apply is None:
            if not _INTEGER.fullmatch(token):
                raise ValueError(f"unknown token {token!r}")
            stack.append(int(token))
            continue
        if len(stack) < 2:
            raise ValueError(f"{token!r} needs two operands")
        right = stack.pop()
        left = stack.pop()
        stack.append(apply(left, right))
    if len(stack) != 1:
        raise ValueError(f"expected one result, the stack holds {len(stack)}")
    return stack[0]

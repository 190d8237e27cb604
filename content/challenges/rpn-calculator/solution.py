import operator


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
            try:
                stack.append(int(token))
            except ValueError:
                raise ValueError(f"unknown token {token!r}") from None
            continue
        if len(stack) < 2:
            raise ValueError(f"{token!r} needs two operands")
        right = stack.pop()
        left = stack.pop()
        stack.append(apply(left, right))
    if len(stack) != 1:
        raise ValueError(f"expected one result, the stack holds {len(stack)}")
    return stack[0]

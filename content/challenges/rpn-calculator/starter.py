def evaluate_rpn(expression: str) -> int:
    """Evaluate a postfix expression such as "3 4 + 2 *" and return the int result."""
    raise NotImplementedError

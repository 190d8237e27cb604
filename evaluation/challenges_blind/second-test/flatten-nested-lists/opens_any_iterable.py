from collections.abc import Iterable


def flatten(items):
    """Return the values of nested lists/tuples as one flat list, in order."""
    result = []
    stack = [iter(items)]
    while stack:
        for value in stack[-1]:
            if isinstance(value, Iterable) and not isinstance(value, str):
                stack.append(iter(value))
                break
            result.append(value)
        else:
            stack.pop()
    return result

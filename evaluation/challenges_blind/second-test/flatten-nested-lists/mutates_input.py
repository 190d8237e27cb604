def flatten(items):
    """Return the values of nested lists/tuples as one flat list, in order."""
    result = []
    stack = [items if isinstance(items, list) else list(items)]
    while stack:
        current = stack[-1]
        if not current:
            stack.pop()
            continue
        value = current.pop(0)
        if isinstance(value, list):
            stack.append(value)
        elif isinstance(value, tuple):
            stack.append(list(value))
        else:
            result.append(value)
    return result

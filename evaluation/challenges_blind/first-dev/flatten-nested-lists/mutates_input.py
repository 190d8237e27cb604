def flatten(items):
    """Return the values of nested lists/tuples as one flat list, in order."""
    stack = items if isinstance(items, list) else list(items)
    stack.reverse()
    result = []
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(reversed(item))
        else:
            result.append(item)
    return result

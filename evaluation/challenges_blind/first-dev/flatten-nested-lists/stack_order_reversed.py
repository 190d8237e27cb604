def flatten(items):
    """Return the values of nested lists/tuples as one flat list, in order."""
    result = []
    stack = [items]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        else:
            result.append(item)
    return result

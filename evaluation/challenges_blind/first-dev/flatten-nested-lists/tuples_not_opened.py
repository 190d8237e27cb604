def flatten(items):
    """Return the values of nested lists/tuples as one flat list, in order."""
    result = []
    stack = [iter(items)]
    while stack:
        for item in stack[-1]:
            if isinstance(item, list):
                stack.append(iter(item))
                break
            result.append(item)
        else:
            stack.pop()
    return result

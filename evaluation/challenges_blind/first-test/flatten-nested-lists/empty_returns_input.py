def flatten(items):
    """Return the values of nested lists/tuples as one flat list, in order."""
    if not items:
        return items
    result = []
    for item in items:
        if isinstance(item, (list, tuple)):
            result.extend(flatten(item))
        else:
            result.append(item)
    return result

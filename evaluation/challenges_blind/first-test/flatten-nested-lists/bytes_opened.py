from collections.abc import Iterable


def flatten(items):
    """Return the values of nested lists/tuples as one flat list, in order."""
    result = []
    for item in items:
        if isinstance(item, Iterable) and not isinstance(item, str):
            result.extend(flatten(item))
        else:
            result.append(item)
    return result

def flatten(items):
    """Return the values of nested lists/tuples as one flat list, in order."""
    raise NotImplementedError

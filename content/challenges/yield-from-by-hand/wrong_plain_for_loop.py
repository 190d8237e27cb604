def delegate(iterable):
    """Behave exactly like `return (yield from iterable)`, without using `yield from`."""
    for value in iterable:
        yield value

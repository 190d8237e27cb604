def chunked(iterable, size):
    if type(size) is not int or size < 1:
        raise ValueError("size must be a positive int")
    items = list(iterable)
    return iter([items[start:start + size] for start in range(0, len(items), size)])

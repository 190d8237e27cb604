def chunked(iterable, size):
    if type(size) is not int or size < 1:
        raise ValueError("size must be a positive int")
    return (list(group) for group in zip(*[iter(iterable)] * size))

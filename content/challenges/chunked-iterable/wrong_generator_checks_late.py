from itertools import islice


def chunked(iterable, size):
    if type(size) is not int or size < 1:
        raise ValueError("size must be a positive int")
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk

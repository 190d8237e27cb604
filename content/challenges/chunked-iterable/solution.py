from itertools import islice


def chunked(iterable, size: int):
    # validated here, at call time: inside a generator the check would wait for the first next()
    if type(size) is not int or size < 1:
        raise ValueError("size must be a positive int")
    return _chunks(iter(iterable), size)


def _chunks(iterator, size):
    while chunk := list(islice(iterator, size)):
        yield chunk

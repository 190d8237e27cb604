from itertools import islice


def chunked(iterable, size: int):
    raise NotImplementedError

import functools  # noqa: F401


def memoize(func):
    raise NotImplementedError

import functools


def memoize(func):
    raise NotImplementedError

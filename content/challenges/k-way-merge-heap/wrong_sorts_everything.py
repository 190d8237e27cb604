from itertools import chain


def merge_sorted(iterables, key=None):
    return iter(sorted(chain.from_iterable(iterables), key=key))

import heapq


def merge_sorted(iterables, key=None):
    raise NotImplementedError

import heapq
from collections import deque


def run(tasks):
    raise NotImplementedError

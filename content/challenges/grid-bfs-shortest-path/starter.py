from collections import deque


def shortest_path(grid: list[str]) -> int:
    raise NotImplementedError

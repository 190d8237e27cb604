from collections import deque  # noqa: F401


def shortest_path(grid: list[str]) -> int:
    raise NotImplementedError

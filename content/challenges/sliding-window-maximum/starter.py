from collections import deque


def window_max(values, k: int) -> list:
    raise NotImplementedError

import threading  # noqa: F401
from collections import deque  # noqa: F401


class Full(Exception):
    pass


class Empty(Exception):
    pass


class BoundedQueue:
    def __init__(self, capacity: int) -> None:
        raise NotImplementedError

import threading
from collections import deque


class Full(Exception):
    pass


class Empty(Exception):
    pass


class BoundedQueue:
    def __init__(self, capacity: int) -> None:
        raise NotImplementedError

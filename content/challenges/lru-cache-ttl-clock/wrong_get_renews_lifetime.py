from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class TTLCache:
    def __init__(self, capacity: int, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        if ttl <= 0:
            raise ValueError("ttl must be positive")
        self.capacity = capacity
        self.ttl = ttl
        self.evictions = 0
        self._clock = clock
        self._values: OrderedDict[Hashable, Any] = OrderedDict()  # least to most recently used
        self._expires: OrderedDict[Hashable, float] = OrderedDict()  # put order, which is expiry order

    def _drop(self, key: Hashable) -> None:
        del self._values[key]
        del self._expires[key]

    def _purge(self) -> None:
        """Drop expired entries: with one ttl for all, they are at the front of the put order."""
        now = self._clock()
        while self._expires:
            key, expires_at = next(iter(self._expires.items()))
            if expires_at > now:
                break
            self._drop(key)

    def _alive(self, key: Hashable) -> bool:
        if key not in self._expires:
            return False
        if self._expires[key] <= self._clock():
            self._drop(key)
            return False
        return True

    def get(self, key: Hashable, default: Any = None) -> Any:
        if not self._alive(key):
            return default
        self._values.move_to_end(key)
        self._expires[key] = self._clock() + self.ttl  # a read renews the lifetime
        self._expires.move_to_end(key)
        return self._values[key]

    def put(self, key: Hashable, value: Any) -> None:
        self._values[key] = value
        self._values.move_to_end(key)
        self._expires[key] = self._clock() + self.ttl
        self._expires.move_to_end(key)
        self._purge()  # expired entries go first: evicting a live one while they stay would be a waste
        if len(self._values) > self.capacity:
            oldest = next(iter(self._values))
            self._drop(oldest)
            self.evictions += 1

    def __len__(self) -> int:
        self._purge()
        return len(self._values)

    def __contains__(self, key: Hashable) -> bool:
        return self._alive(key)

    def keys(self) -> list:
        self._purge()
        return list(self._values)

import asyncio
import time
from collections import deque


class AsyncRateLimiter:
    def __init__(self, max_calls: int, period: float, *, clock=time.monotonic, sleep=asyncio.sleep) -> None:
        if max_calls < 1 or period <= 0:
            raise ValueError("max_calls must be at least 1 and period positive")
        self._max_calls = max_calls
        self._period = period
        self._clock = clock
        self._sleep = sleep
        self._granted: deque = deque()  # times of the grants still inside the window, oldest first
        # one waiter at a time: callers are served in arrival order and only one of them sleeps
        self._lock = asyncio.Lock()
        # callers inside acquire() that have no grant yet; lock.locked() alone misses a waiter the lock has
        # just been handed to but that has not run yet
        self._waiting = 0

    def _take(self, now: float) -> bool:
        while self._granted and now - self._granted[0] >= self._period:
            self._granted.popleft()
        if len(self._granted) < self._max_calls:
            self._granted.append(now)
            return True
        return False

    def try_acquire(self) -> bool:
        if self._waiting:
            return False
        return self._take(self._clock())

    async def acquire(self) -> float:
        self._waiting += 1
        try:
            async with self._lock:
                while not self._take(self._clock()):
                    await self._sleep(self._granted[0] + self._period - self._clock())
                return self._granted[-1]
        finally:
            self._waiting -= 1

    async def __aenter__(self) -> "AsyncRateLimiter":
        await self.acquire()
        return self

    async def __aexit__(self, exc_type, exc, tb) -> None:
        return None

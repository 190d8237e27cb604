import asyncio
import time


class AsyncRateLimiter:
    """Counts calls per fixed window [start, start + period): bursts of 2 x max_calls at a window edge."""

    def __init__(self, max_calls, period, *, clock=time.monotonic, sleep=asyncio.sleep):
        if max_calls < 1 or period <= 0:
            raise ValueError("max_calls must be at least 1 and period positive")
        self._max_calls = max_calls
        self._period = period
        self._clock = clock
        self._sleep = sleep
        self._window_start = None
        self._count = 0
        self._lock = asyncio.Lock()

    def _take(self, now):
        if self._window_start is None or now - self._window_start >= self._period:
            self._window_start = now
            self._count = 0
        if self._count < self._max_calls:
            self._count += 1
            return True
        return False

    def try_acquire(self):
        if self._lock.locked():
            return False
        return self._take(self._clock())

    async def acquire(self):
        async with self._lock:
            while not self._take(self._clock()):
                await self._sleep(self._window_start + self._period - self._clock())
            return self._clock()

    async def __aenter__(self):
        await self.acquire()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        return None

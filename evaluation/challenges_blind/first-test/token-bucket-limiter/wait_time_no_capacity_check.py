import threading
import time


class TokenBucket:
    def __init__(self, rate: float, capacity: float, *, clock=time.monotonic) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self._rate = rate
        self._capacity = capacity
        self._clock = clock
        self._tokens = float(capacity)
        self._last = clock()
        self._lock = threading.Lock()

    def _refill(self):
        now = self._clock()
        elapsed = now - self._last
        self._tokens = min(self._capacity, self._tokens + elapsed * self._rate)
        self._last = now

    def try_acquire(self, cost: float = 1) -> bool:
        if cost > self._capacity:
            raise ValueError("cost exceeds capacity")
        with self._lock:
            self._refill()
            if self._tokens >= cost:
                self._tokens -= cost
                return True
            return False

    def wait_time(self, cost: float = 1) -> float:
        with self._lock:
            self._refill()
            if self._tokens >= cost:
                return 0.0
            return (cost - self._tokens) / self._rate

    @property
    def tokens(self) -> float:
        with self._lock:
            self._refill()
            return self._tokens

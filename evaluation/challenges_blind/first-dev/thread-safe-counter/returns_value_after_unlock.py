import threading


class AtomicCounter:
    def __init__(self, initial: int = 0) -> None:
        self._value = initial
        self._lock = threading.Lock()

    @staticmethod
    def _check(by):
        if not isinstance(by, int) or isinstance(by, bool) or by < 0:
            raise ValueError("by must be a non-negative int")

    def increment(self, by: int = 1) -> int:
        self._check(by)
        with self._lock:
            self._value += by
        return self._value

    def decrement(self, by: int = 1) -> int:
        self._check(by)
        with self._lock:
            self._value -= by
        return self._value

    def take(self) -> int:
        with self._lock:
            taken = self._value
            self._value = 0
            return taken

    @property
    def value(self) -> int:
        return self._value

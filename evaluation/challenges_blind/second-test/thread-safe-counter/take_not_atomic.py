import threading


class AtomicCounter:
    def __init__(self, initial: int = 0) -> None:
        self._value = initial
        self._lock = threading.Lock()

    @staticmethod
    def _check(by):
        if type(by) is not int or by < 0:
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

    @property
    def value(self) -> int:
        with self._lock:
            return self._value

    def _reset(self) -> None:
        with self._lock:
            self._value = 0

    def take(self) -> int:
        value = self.value
        self._reset()
        return value

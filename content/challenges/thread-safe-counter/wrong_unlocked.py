class AtomicCounter:
    def __init__(self, initial: int = 0) -> None:
        self._value = initial

    @staticmethod
    def _check(by):
        if type(by) is not int or by < 0:
            raise ValueError("by must be a non-negative int")

    def increment(self, by: int = 1) -> int:
        self._check(by)
        self._value += by
        return self._value

    def decrement(self, by: int = 1) -> int:
        self._check(by)
        self._value -= by
        return self._value

    @property
    def value(self) -> int:
        return self._value

    def take(self) -> int:
        taken = self._value
        self._value = 0
        return taken

class Countdown:
    def __init__(self, start: int, step: int = 1) -> None:
        if step < 1:
            raise ValueError("step must be at least 1")
        self.start = start
        self.step = step
        self._current = start

    def __iter__(self) -> "Countdown":
        return self

    def __next__(self) -> int:
        if self._current < 1:
            raise StopIteration
        value = self._current
        self._current -= self.step
        return value

    def __len__(self) -> int:
        return max(0, (self.start - 1) // self.step + 1)


CountdownIterator = Countdown

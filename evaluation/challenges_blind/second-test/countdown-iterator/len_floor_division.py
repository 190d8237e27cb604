class Countdown:
    def __init__(self, start: int, step: int = 1) -> None:
        if step < 1:
            raise ValueError("step must be at least 1")
        self.start = start
        self.step = step

    def __iter__(self):
        return CountdownIterator(self.start, self.step)

    def __len__(self):
        if self.start < 1:
            return 0
        return self.start // self.step


class CountdownIterator:
    def __init__(self, current: int, step: int) -> None:
        self._current = current
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        if self._current < 1:
            raise StopIteration
        value = self._current
        self._current -= self._step
        return value

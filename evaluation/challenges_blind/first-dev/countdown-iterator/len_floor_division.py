class Countdown:
    def __init__(self, start: int, step: int = 1) -> None:
        if step < 1:
            raise ValueError("step must be at least 1")
        self.start = start
        self.step = step

    def __iter__(self):
        return CountdownIterator(self.start, self.step)

    def __len__(self):
        return max(0, self.start // self.step)


class CountdownIterator:
    def __init__(self, start, step):
        self.start = start
        self.current = start
        self.step = step

    def __iter__(self):
        return self

    def __next__(self):
        if self.current < 1:
            raise StopIteration
        value = self.current
        self.current -= self.step
        return value

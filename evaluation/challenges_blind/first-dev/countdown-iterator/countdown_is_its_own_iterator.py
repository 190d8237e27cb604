class Countdown:
    def __init__(self, start: int, step: int = 1) -> None:
        if step < 1:
            raise ValueError("step must be at least 1")
        self.start = start
        self.step = step
        self.current = start

    def __iter__(self):
        self.current = self.start
        return self

    def __next__(self):
        if self.current < 1:
            raise StopIteration
        value = self.current
        self.current -= self.step
        return value

    def __len__(self):
        if self.start < 1:
            return 0
        return (self.start - 1) // self.step + 1


class CountdownIterator:
    def __init__(self, start, step=1):
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

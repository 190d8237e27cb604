class Countdown:
    def __init__(self, start: int, step: int = 1) -> None:
        raise NotImplementedError


class CountdownIterator:
    pass

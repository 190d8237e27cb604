from collections import deque


class Peekable:
    def __init__(self, iterable) -> None:
        raise NotImplementedError

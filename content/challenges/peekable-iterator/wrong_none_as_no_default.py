from collections import deque

_MISSING = object()  # "no default given": None is a legitimate item and a legitimate default


class Peekable:
    def __init__(self, iterable) -> None:
        self._iterator = iter(iterable)
        self._buffer: deque = deque()  # items already taken from the iterator (or prepended), not yet returned

    def __iter__(self) -> "Peekable":
        return self

    def __next__(self):
        if self._buffer:
            return self._buffer.popleft()
        return next(self._iterator)

    def peek(self, default=None):
        if not self._buffer:
            try:
                self._buffer.append(next(self._iterator))
            except StopIteration:
                if default is None:
                    raise
                return default
        return self._buffer[0]

    def prepend(self, *items) -> None:
        self._buffer.extendleft(reversed(items))

    def __bool__(self) -> bool:
        end = object()
        return self.peek(end) is not end

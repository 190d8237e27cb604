class Peekable:
    def __init__(self, iterable):
        self._iterator = iter(iterable)
        self._buffer = []

    def __iter__(self):
        return self

    def __next__(self):
        if self._buffer:
            return self._buffer.pop(0)
        return next(self._iterator)

    def peek(self, default=...):
        if not self._buffer:
            try:
                self._buffer.append(next(self._iterator))
            except StopIteration:
                if default is ...:
                    raise
                return default
        return self._buffer[0]

    def prepend(self, *items):
        self._buffer[0:0] = items

    def __bool__(self):
        end = object()
        return self.peek(end) is not end

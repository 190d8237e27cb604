from collections import deque


class WeakCache:
    def __init__(self, factory, keep=0):
        if keep < 0:
            raise ValueError("keep must not be negative")
        self._factory = factory
        self._values = {}
        self._recent = deque(maxlen=keep)

    def get(self, key):
        if key not in self._values:
            self._values[key] = self._factory(key)
        value = self._values[key]
        self._recent.append(value)
        return value

    def __len__(self):
        return len(self._values)

    def __contains__(self, key):
        return key in self._values

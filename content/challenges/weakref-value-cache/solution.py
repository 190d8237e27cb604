import weakref
from collections import deque


class WeakCache:
    def __init__(self, factory, keep: int = 0) -> None:
        if keep < 0:
            raise ValueError("keep must not be negative")
        self._factory = factory
        self._values = weakref.WeakValueDictionary()
        # strong references to the values of the last `keep` calls, so hot values survive between uses
        self._recent: deque = deque(maxlen=keep)

    def get(self, key):
        value = self._values.get(key)
        if value is None:
            value = self._factory(key)
            self._values[key] = value
        self._recent.append(value)
        return value

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key) -> bool:
        return key in self._values

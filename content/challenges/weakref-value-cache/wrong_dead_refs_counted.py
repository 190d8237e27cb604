import weakref
from collections import deque


class WeakCache:
    def __init__(self, factory, keep=0):
        if keep < 0:
            raise ValueError("keep must not be negative")
        self._factory = factory
        self._refs = {}
        self._recent = deque(maxlen=keep)

    def get(self, key):
        ref = self._refs.get(key)
        value = ref() if ref is not None else None
        if value is None:
            value = self._factory(key)
            self._refs[key] = weakref.ref(value)
        self._recent.append(value)
        return value

    def __len__(self):
        return len(self._refs)

    def __contains__(self, key):
        return key in self._refs

import weakref


class WeakCache:
    def __init__(self, factory, keep=0):
        if keep < 0:
            raise ValueError("keep must not be negative")
        self._factory = factory
        self._keep = keep
        self._values = weakref.WeakValueDictionary()
        self._recent = []

    def get(self, key):
        value = self._values.get(key)
        if value is None:
            value = self._factory(key)
            self._values[key] = value
        if self._keep:
            self._recent.append(value)
        return value

    def __len__(self):
        return len(self._values)

    def __contains__(self, key):
        return key in self._values

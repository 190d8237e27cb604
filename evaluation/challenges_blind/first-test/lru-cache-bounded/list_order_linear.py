class LRUCache:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._data = {}
        self._order = []
        self.evictions = 0

    def _touch(self, key):
        if key in self._data:
            self._order.remove(key)
        self._order.append(key)

    def get(self, key, default=None):
        if key not in self._data:
            return default
        self._touch(key)
        return self._data[key]

    def put(self, key, value):
        self._touch(key)
        self._data[key] = value
        if len(self._data) > self.capacity:
            oldest = self._order.pop(0)
            del self._data[oldest]
            self.evictions += 1

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def keys(self):
        return list(self._order)

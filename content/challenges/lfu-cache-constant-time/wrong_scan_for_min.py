class LFUCache:
    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._values = {}
        self._counts = {}
        self._last_used = {}
        self._tick = 0

    def _use(self, key):
        self._tick += 1
        self._counts[key] = self._counts.get(key, 0) + 1
        self._last_used[key] = self._tick

    def get(self, key, default=None):
        if key not in self._values:
            return default
        self._use(key)
        return self._values[key]

    def put(self, key, value):
        if key not in self._values and len(self._values) == self.capacity:
            victim = min(self._values, key=lambda k: (self._counts[k], self._last_used[k]))
            del self._values[victim], self._counts[victim], self._last_used[victim]
        self._values[key] = value
        self._use(key)

    def frequency(self, key):
        return self._counts.get(key, 0)

    def __len__(self):
        return len(self._values)

    def __contains__(self, key):
        return key in self._values

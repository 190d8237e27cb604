from collections import OrderedDict, defaultdict


class LFUCache:
    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._values: dict = {}
        self._counts: dict = {}
        # use count -> keys with that count, least recently used first
        self._buckets: defaultdict = defaultdict(OrderedDict)
        self._min_count = 0

    def _touch(self, key) -> None:
        count = self._counts[key]
        bucket = self._buckets[count]
        del bucket[key]
        if not bucket and self._min_count == count:
            self._min_count = count + 1
        self._counts[key] = count + 1
        self._buckets[count + 1][key] = None

    def get(self, key, default=None):
        if key not in self._values:
            return default
        self._touch(key)
        return self._values[key]

    def put(self, key, value) -> None:
        if key in self._values:
            self._values[key] = value
            self._touch(key)
            return
        if len(self._values) == self.capacity:
            evicted, _ = self._buckets[self._min_count].popitem()
            del self._values[evicted]
            del self._counts[evicted]
        self._values[key] = value
        self._counts[key] = 1
        self._buckets[1][key] = None
        self._min_count = 1

    def frequency(self, key) -> int:
        return self._counts.get(key, 0)

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key) -> bool:
        return key in self._values

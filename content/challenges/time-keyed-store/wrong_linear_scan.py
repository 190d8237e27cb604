class TimeMap:
    def __init__(self):
        self._data = {}

    def set(self, key, value, timestamp):
        self._data.setdefault(key, {})[timestamp] = value

    def get(self, key, timestamp, default=None):
        best = None
        for time in self._data.get(key, {}):
            if time <= timestamp and (best is None or time > best):
                best = time
        return default if best is None else self._data[key][best]

    def history(self, key):
        return sorted(self._data.get(key, {}).items())

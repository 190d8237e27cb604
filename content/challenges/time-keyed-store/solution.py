from bisect import bisect_left, bisect_right


class TimeMap:
    def __init__(self) -> None:
        # per key: timestamps kept sorted, and the values at the same positions
        self._times: dict = {}
        self._values: dict = {}

    def set(self, key, value, timestamp: int) -> None:
        times = self._times.setdefault(key, [])
        values = self._values.setdefault(key, [])
        index = bisect_left(times, timestamp)
        if index < len(times) and times[index] == timestamp:
            values[index] = value
        else:
            times.insert(index, timestamp)
            values.insert(index, value)

    def get(self, key, timestamp: int, default=None):
        times = self._times.get(key, [])
        index = bisect_right(times, timestamp)
        if index == 0:
            return default
        return self._values[key][index - 1]

    def history(self, key) -> list:
        return list(zip(self._times.get(key, []), self._values.get(key, [])))

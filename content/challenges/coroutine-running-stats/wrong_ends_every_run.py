from typing import NamedTuple


class Stats(NamedTuple):
    count: int
    mean: float | None
    low: float | None
    high: float | None


class Reset(Exception):
    """Thrown into a running_stats generator to start its run again from nothing."""


def running_stats():
    count, total, low, high = 0, 0, None, None
    while True:
        current = Stats(count, total / count if count else None, low, high)
        try:
            value = yield current
        except Reset:
            count, total, low, high = 0, 0, None, None
            continue
        if value is None:
            return current  # the generator's return value: StopIteration.value, or the result of `yield from`
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"not a number: {value!r}")
        count += 1
        total += value
        low = value if low is None else min(low, value)
        high = value if high is None else max(high, value)


def collect(results: dict, key):
    while True:
        # yield from forwards send() and throw() to the inner generator and hands back what it returns
        final = yield from running_stats()
        results.setdefault(key, []).append(final)


def summarize(pairs) -> dict:
    results: dict = {}
    feeds: dict = {}
    latest: dict = {}
    for key, value in pairs:
        if key not in feeds:
            results[key] = []
            feeds[key] = collect(results, key)
            latest[key] = next(feeds[key])  # prime: run to the first yield before sending anything
        if value is Reset:
            latest[key] = feeds[key].throw(Reset())
        else:
            latest[key] = feeds[key].send(value)
    for key, feed in feeds.items():
        feed.send(None)
    return results

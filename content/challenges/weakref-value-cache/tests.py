import gc

from solution import WeakCache


class Thing:
    def __init__(self, key):
        self.key = key


class Factory:
    """Builds a Thing per key and records every call."""

    def __init__(self):
        self.calls = []

    def __call__(self, key):
        self.calls.append(key)
        return Thing(key)


def test_a_live_value_is_shared():
    factory = Factory()
    cache = WeakCache(factory)
    first = cache.get("a")
    second = cache.get("a")
    other = cache.get("b")
    return [first is second, first is other, factory.calls, len(cache)]


def test_a_value_nobody_holds_is_dropped_and_rebuilt():
    factory = Factory()
    cache = WeakCache(factory)
    value = cache.get("a")
    del value
    gc.collect()
    dropped = ["a" in cache, len(cache)]
    again = cache.get("a")
    return [dropped, again.key, factory.calls, "a" in cache]


def test_the_cache_does_not_keep_values_alive():
    cache = WeakCache(Factory())
    values = [cache.get(n) for n in range(10)]
    alive = len(cache)
    del values[::2]
    gc.collect()
    return [alive, len(cache), [n in cache for n in range(10)]]


def test_values_in_a_reference_cycle_are_dropped_after_collection():
    class Node:
        def __init__(self, key):
            self.key = key
            self.me = self

    cache = WeakCache(Node)
    value = cache.get("cycle")
    del value
    gc.collect()
    return ["cycle" in cache, len(cache)]


def test_keep_holds_the_last_values_strongly():
    factory = Factory()
    cache = WeakCache(factory, keep=2)
    for key in ["a", "b", "c", "d"]:
        cache.get(key)
    gc.collect()
    survivors = [key in cache for key in "abcd"]
    cache.get("d")
    cache.get("a")
    return [survivors, factory.calls, len(cache)]


def test_keep_counts_calls_not_distinct_keys():
    factory = Factory()
    cache = WeakCache(factory, keep=2)
    cache.get("a")
    cache.get("b")
    cache.get("b")
    gc.collect()
    return [key in cache for key in "ab"]


def test_keep_zero_holds_nothing_and_negative_is_rejected():
    cache = WeakCache(Factory(), keep=0)
    cache.get("a")
    gc.collect()
    try:
        WeakCache(Factory(), keep=-1)
        refused = "accepted"
    except ValueError as exc:
        refused = str(exc)
    return ["a" in cache, refused]


def test_a_hit_does_not_call_the_factory_even_when_kept():
    factory = Factory()
    cache = WeakCache(factory, keep=1)
    value = cache.get("x")
    cache.get("y")
    cache.get("x")
    return [factory.calls, cache.get("x") is value]


def test_a_failing_factory_caches_nothing():
    def flaky(key):
        raise LookupError(key)

    cache = WeakCache(flaky)
    try:
        cache.get("a")
        outcome = "no error"
    except LookupError:
        outcome = "LookupError"
    return [outcome, len(cache), "a" in cache]


def test_values_that_cannot_be_weakly_referenced_are_refused():
    cache = WeakCache(lambda key: key * 2)
    return cache.get(21)


def test_many_short_lived_values_leave_nothing_behind():
    cache = WeakCache(Thing)
    for n in range(20_000):
        cache.get(n % 700)
    gc.collect()
    return len(cache)


def generate(rng, n):
    """Fresh sequences: get a key and hold or drop the result, release held values, inspect the cache."""
    cases = []
    for _ in range(n):
        steps = [(rng.choice(["get", "get", "hold", "release", "in", "len"]), rng.choice("abcde")) for _ in range(rng.randint(1, 30))]
        cases.append((rng.randint(0, 3), steps))
    return cases


def check(case):
    keep, steps = case
    factory = Factory()
    cache = WeakCache(factory, keep=keep)
    held = {}
    seen = []
    for action, key in steps:
        if action == "get":
            seen.append(cache.get(key).key)
        elif action == "hold":
            held[key] = cache.get(key)
            seen.append(held[key] is cache.get(key))
        elif action == "release":
            held.pop(key, None)
            gc.collect()
        elif action == "in":
            seen.append(key in cache)
        else:
            seen.append(len(cache))
    return [seen, factory.calls]

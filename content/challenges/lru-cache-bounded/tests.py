from solution import LRUCache


def test_get_and_put():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    return [cache.get("a"), cache.get("b"), cache.get("zzz"), cache.get("zzz", "none")]


def test_least_recently_used_is_evicted():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("a")
    cache.put("c", 3)
    return [cache.get("a"), cache.get("b"), cache.get("c"), cache.keys()]


def test_updating_a_key_counts_as_use_and_does_not_evict():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)
    cache.put("c", 3)
    return [cache.keys(), cache.get("a"), cache.evictions]


def test_membership_is_not_a_use():
    cache = LRUCache(2)
    cache.put("x", 1)
    cache.put("y", 2)
    present = "x" in cache
    cache.put("z", 3)
    return [present, "x" in cache, cache.keys(), len(cache)]


def test_capacity_one():
    cache = LRUCache(1)
    cache.put(1, "one")
    cache.put(2, "two")
    return [cache.get(1), cache.get(2), cache.evictions]


def test_bad_capacity():
    return LRUCache(0)


def test_none_and_falsy_values_are_stored_values():
    cache = LRUCache(3)
    cache.put("none", None)
    cache.put("zero", 0)
    cache.put("empty", "")
    got = [cache.get("none", "missing"), cache.get("zero", "missing"), cache.get("empty", "missing")]
    cache.put("new", 1)  # the gets used "none" first: it is the least recently used and goes now
    return [got, cache.keys(), "none" in cache, cache.get("none", "missing"), cache.evictions]


def test_two_caches_do_not_share_anything():
    first, second = LRUCache(1), LRUCache(2)
    first.put("a", 1)
    first.put("b", 2)
    second.put("c", 3)
    return [first.keys(), second.keys(), first.evictions, second.evictions, len(first), len(second), "c" in first]


def test_many_operations():
    cache = LRUCache(1000)
    hits = 0
    for n in range(100_000):
        key = (n * 7919) % 1500
        if cache.get(key) is not None:
            hits += 1
        cache.put(key, n)
    return [hits, cache.evictions, len(cache)]


def test_many_hits_on_a_large_cache():
    """Mostly cache hits on 50,000 keys: a cache that searches a list on every hit cannot finish in time."""
    cache = LRUCache(50_000)
    for key in range(50_000):
        cache.put(key, key)
    hits = 0
    for n in range(150_000):
        key = (n * 7919) % 60_000
        if cache.get(key) is None:
            cache.put(key, n)
        else:
            hits += 1
    return [hits, cache.evictions, len(cache), cache.get(59_999) is not None]


def generate(rng, n):
    """Fresh capacities and sequences of puts, gets and membership checks over a few keys."""
    cases = []
    for _ in range(n):
        steps = [(rng.choice(["put", "put", "get", "in"]), rng.choice("abcdef"), rng.choice([None, 0, "", rng.randint(1, 99)])) for _ in range(rng.randint(1, 25))]
        cases.append((rng.randint(1, 4), steps))
    return cases


def check(case):
    capacity, steps = case
    cache = LRUCache(capacity)
    seen = []
    for action, key, value in steps:
        if action == "put":
            cache.put(key, value)
        elif action == "get":
            seen.append(cache.get(key, "missing"))
        else:
            seen.append(key in cache)
    return [seen, cache.keys(), len(cache), cache.evictions]

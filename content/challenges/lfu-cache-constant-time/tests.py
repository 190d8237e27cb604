from solution import LFUCache


def test_least_frequently_used_is_evicted():
    cache = LFUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("a")
    cache.put("c", 3)
    return [cache.get("a"), cache.get("b"), cache.get("c"), len(cache)]


def test_ties_evict_the_least_recently_used():
    cache = LFUCache(3)
    for key in "xyz":
        cache.put(key, key.upper())
    cache.get("x")
    cache.get("y")
    cache.get("z")
    cache.put("w", "W")
    return [key in cache for key in "xyzw"]


def test_frequency_counts_gets_and_puts():
    cache = LFUCache(2)
    cache.put("a", 1)
    cache.get("a")
    cache.put("a", 10)
    cache.get("missing")
    return [cache.frequency("a"), cache.frequency("missing"), cache.get("a"), cache.frequency("a")]


def test_updating_an_existing_key_in_a_full_cache_evicts_nothing():
    cache = LFUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("b", 20)
    return [cache.get("a"), cache.get("b"), len(cache)]


def test_a_new_key_is_evicted_before_older_frequent_ones():
    cache = LFUCache(2)
    cache.put("a", 1)
    cache.get("a")
    cache.put("b", 2)
    cache.get("b")
    cache.put("c", 3)
    cache.put("d", 4)
    return [key in cache for key in "abcd"]


def test_minimum_moves_up_when_its_last_key_is_used():
    cache = LFUCache(3)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("c", 3)
    for key in "abc":
        cache.get(key)
    cache.get("a")
    cache.get("c")
    cache.put("d", 4)
    return [key in cache for key in "abcd"]


def test_evicted_key_starts_again_at_one():
    cache = LFUCache(1)
    cache.put("a", 1)
    cache.get("a")
    cache.get("a")
    cache.put("b", 2)
    cache.put("a", 3)
    return [cache.frequency("a"), cache.frequency("b"), cache.get("a"), "b" in cache]


def test_membership_is_not_a_use():
    cache = LFUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("b")
    checks = ["a" in cache, "a" in cache, "a" in cache]
    cache.put("c", 3)
    return [checks, "a" in cache, cache.frequency("b")]


def test_stored_falsy_values_are_returned():
    cache = LFUCache(2)
    cache.put("zero", 0)
    cache.put("none", None)
    return [cache.get("zero", "default"), cache.get("none", "default"), cache.get("gone", "default")]


def test_bad_capacity():
    outcomes = []
    for capacity in (0, -3):
        try:
            LFUCache(capacity)
        except ValueError as exc:
            outcomes.append(str(exc))
    return [outcomes, LFUCache(1).capacity]


def test_many_evictions_in_a_large_cache():
    """20,000 keys and 150,000 operations, most of them evictions: scanning all counts to evict cannot finish."""
    cache = LFUCache(20_000)
    for key in range(20_000):
        cache.put(key, key)
        if key % 3 == 0:
            cache.get(key)
    hits = 0
    for n in range(150_000):
        key = 20_000 + n
        cache.put(key, n)
        if cache.get((n * 7919) % (key + 1)) is not None:
            hits += 1
    return [hits, len(cache), cache.frequency(0), cache.frequency(20_000 + 149_999)]


def generate(rng, n):
    """Fresh capacities and sequences of puts, gets, membership and frequency checks over a few keys."""
    cases = []
    for _ in range(n):
        steps = [
            (rng.choice(["put", "put", "get", "get", "in", "freq"]), rng.choice("abcdefg"), rng.randint(0, 99))
            for _ in range(rng.randint(1, 40))
        ]
        cases.append((rng.randint(1, 4), steps))
    return cases


def check(case):
    capacity, steps = case
    cache = LFUCache(capacity)
    seen = []
    for action, key, value in steps:
        if action == "put":
            cache.put(key, value)
        elif action == "get":
            seen.append(cache.get(key, "missing"))
        elif action == "in":
            seen.append(key in cache)
        else:
            seen.append(cache.frequency(key))
    return [seen, len(cache), sorted(key for key in "abcdefg" if key in cache)]

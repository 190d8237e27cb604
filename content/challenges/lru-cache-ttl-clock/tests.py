from solution import TTLCache


class _Clock:
    """A fake clock: time only moves when a test says so."""

    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


def test_values_expire_after_ttl():
    clock = _Clock()
    cache = TTLCache(3, ttl=10, clock=clock)
    cache.put("a", 1)
    clock.now += 9.5
    before = [cache.get("a"), "a" in cache, len(cache)]
    clock.now += 1
    return [before, cache.get("a"), cache.get("a", "gone"), "a" in cache, len(cache)]


def test_least_recently_used_is_evicted_when_nothing_expired():
    clock = _Clock()
    cache = TTLCache(2, ttl=100, clock=clock)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("a")
    cache.put("c", 3)
    return [cache.keys(), cache.get("b"), cache.evictions]


def test_an_entry_is_gone_exactly_at_its_expiry_time():
    clock = _Clock(0)
    cache = TTLCache(2, ttl=5, clock=clock)
    cache.put("k", "v")
    clock.now = 4.999
    alive = cache.get("k")
    clock.now = 5
    return [alive, cache.get("k"), len(cache)]


def test_contains_and_len_respect_expiry_at_the_boundary():
    clock = _Clock(0)
    cache = TTLCache(3, ttl=2, clock=clock)
    cache.put("x", 1)
    clock.now = 1
    cache.put("y", 2)
    clock.now = 2
    return ["x" in cache, "y" in cache, len(cache), cache.keys()]


def test_get_does_not_extend_the_lifetime():
    clock = _Clock(0)
    cache = TTLCache(2, ttl=10, clock=clock)
    cache.put("a", 1)
    reads = []
    for now in (3, 6, 9, 10):
        clock.now = now
        reads.append(cache.get("a"))
    return reads


def test_put_again_renews_the_lifetime_and_the_value():
    clock = _Clock(0)
    cache = TTLCache(2, ttl=10, clock=clock)
    cache.put("a", 1)
    clock.now = 8
    cache.put("a", 2)
    clock.now = 15
    alive = cache.get("a")
    clock.now = 18
    return [alive, cache.get("a"), len(cache)]


def test_expired_entries_are_dropped_before_evicting_a_live_one():
    clock = _Clock(0)
    cache = TTLCache(2, ttl=10, clock=clock)
    cache.put("old", 1)
    clock.now = 5
    cache.put("live", 2)
    clock.now = 11  # "old" has expired, "live" has not
    cache.put("new", 3)
    return [cache.keys(), cache.get("live"), cache.evictions]


def test_len_and_keys_leave_out_expired_entries_nobody_read():
    clock = _Clock(0)
    cache = TTLCache(3, ttl=4, clock=clock)
    cache.put("a", 1)
    clock.now = 2
    cache.put("b", 2)
    clock.now = 4
    first = len(cache)
    clock.now = 6
    return [first, len(cache), cache.keys()]


def test_a_renewed_entry_moves_to_the_back_of_the_expiry_order():
    clock = _Clock(0)
    cache = TTLCache(3, ttl=10, clock=clock)
    cache.put("a", 1)
    clock.now = 1
    cache.put("b", 2)
    clock.now = 5
    cache.put("a", 3)  # renewed: now expires at 15, after b (11)
    clock.now = 12
    return [len(cache), cache.keys(), cache.get("a"), "b" in cache]


def test_recency_and_expiry_are_different_orders():
    clock = _Clock(0)
    cache = TTLCache(3, ttl=10, clock=clock)
    cache.put("a", 1)
    clock.now = 1
    cache.put("b", 2)
    clock.now = 2
    cache.put("c", 3)
    cache.get("a")  # a is now the most recently used, but still the first to expire
    clock.now = 10.5
    keys_after_a_expired = cache.keys()
    cache.put("d", 4)
    cache.put("e", 5)
    return [keys_after_a_expired, cache.keys(), cache.evictions, cache.get("a")]


def test_membership_is_not_a_use():
    clock = _Clock()
    cache = TTLCache(2, ttl=100, clock=clock)
    cache.put("x", 1)
    cache.put("y", 2)
    present = "x" in cache
    cache.put("z", 3)
    return [present, cache.keys(), cache.evictions]


def test_updating_a_key_counts_as_use_and_does_not_evict():
    clock = _Clock()
    cache = TTLCache(2, ttl=100, clock=clock)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)
    cache.put("c", 3)
    return [cache.keys(), cache.get("a"), cache.evictions, len(cache)]


def test_none_and_falsy_values_are_stored_values():
    clock = _Clock()
    cache = TTLCache(3, ttl=10, clock=clock)
    cache.put("none", None)
    cache.put("zero", 0)
    return [cache.get("none", "missing"), cache.get("zero", "missing"), "none" in cache, cache.get("other", "missing")]


def test_capacity_one():
    clock = _Clock()
    cache = TTLCache(1, ttl=1, clock=clock)
    cache.put(1, "one")
    cache.put(2, "two")
    clock.now += 1
    cache.put(3, "three")
    return [cache.keys(), cache.evictions, cache.get(2), cache.get(3)]


def test_bad_arguments():
    outcomes = []
    for capacity, ttl in ((0, 1), (-3, 1), (1, 0), (1, -0.5)):
        try:
            TTLCache(capacity, ttl, clock=_Clock())
        except ValueError as exc:
            outcomes.append(str(exc))
    return outcomes


def test_fractional_ttl():
    clock = _Clock(0)
    cache = TTLCache(2, ttl=0.25, clock=clock)
    cache.put("q", 1)
    clock.now = 0.2
    first = cache.get("q")
    clock.now = 0.25
    return [first, cache.get("q")]


def test_the_injected_clock_is_the_only_clock():
    clock = _Clock(50)
    cache = TTLCache(2, ttl=1_000_000, clock=clock)
    cache.put("a", 1)
    clock.now = 50 + 1_000_000
    return [cache.get("a"), len(cache)]


def test_works_with_the_default_clock():
    cache = TTLCache(2, ttl=3600)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("c", 3)
    return [cache.get("a"), cache.get("c"), cache.keys(), len(cache)]


def test_many_operations_with_a_full_cache():
    clock = _Clock(0)
    cache = TTLCache(8_000, ttl=15_000, clock=clock)
    hits = 0
    for n in range(150_000):
        clock.now = n
        key = (n * 7919) % 24_000 if n % 3 else n % 1_000
        if cache.get(key) is None:
            cache.put(key, n)
        else:
            hits += 1
    return [hits, cache.evictions, len(cache)]


def generate(rng, n):
    """Fresh capacities, ttls and sequences of puts, gets, membership checks and clock moves over a few keys."""
    cases = []
    for _ in range(n):
        steps = [(rng.choice(["put", "put", "get", "in", "tick", "len"]), rng.choice("abcde"), rng.choice([0, 1, 2, 3, 5])) for _ in range(rng.randint(1, 30))]
        cases.append((rng.randint(1, 4), rng.choice([1, 2, 3, 5]), steps))
    return cases


def check(case):
    capacity, ttl, steps = case
    clock = _Clock(0)
    cache = TTLCache(capacity, ttl, clock=clock)
    seen = []
    for action, key, amount in steps:
        if action == "put":
            cache.put(key, amount)
        elif action == "get":
            seen.append(cache.get(key, "missing"))
        elif action == "in":
            seen.append(key in cache)
        elif action == "tick":
            clock.now += amount
        else:
            seen.append(len(cache))
    return [seen, cache.keys(), cache.evictions]

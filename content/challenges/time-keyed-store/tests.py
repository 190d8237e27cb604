from solution import TimeMap


def test_get_returns_the_latest_value_at_or_before_the_time():
    store = TimeMap()
    store.set("price", 10, 1)
    store.set("price", 12, 5)
    return [store.get("price", t) for t in (0, 1, 2, 5, 6, 100)]


def test_missing_keys_and_early_times_give_the_default():
    store = TimeMap()
    store.set("a", "x", 10)
    return [store.get("b", 10), store.get("a", 9), store.get("a", 9, "none yet"), store.get("b", 10, 0)]


def test_timestamps_may_arrive_out_of_order():
    store = TimeMap()
    for value, time in (("c", 30), ("a", 10), ("b", 20), ("d", 40), ("a0", 5)):
        store.set("k", value, time)
    return [[store.get("k", t) for t in (4, 5, 15, 25, 35, 45)], store.history("k")]


def test_setting_the_same_timestamp_replaces_the_value():
    store = TimeMap()
    store.set("k", "old", 7)
    store.set("k", "other", 3)
    store.set("k", "new", 7)
    return [store.get("k", 7), store.history("k")]


def test_keys_are_independent():
    store = TimeMap()
    store.set("a", 1, 1)
    store.set("b", 2, 2)
    return [store.get("a", 5), store.get("b", 1), store.get("b", 2), store.history("a"), store.history("zzz")]


def test_stored_falsy_values_are_returned():
    store = TimeMap()
    store.set("k", None, 1)
    store.set("k", 0, 2)
    return [store.get("k", 1, "default"), store.get("k", 2, "default"), store.get("k", 0, "default")]


def test_negative_timestamps():
    store = TimeMap()
    store.set("t", "minus", -5)
    store.set("t", "zero", 0)
    return [store.get("t", -6), store.get("t", -5), store.get("t", -1), store.get("t", 0)]


def test_history_is_a_new_list_of_pairs():
    store = TimeMap()
    store.set("k", "v", 1)
    first = store.history("k")
    first.append(("junk", "junk"))
    return [type(first).__name__, store.history("k"), [type(pair).__name__ for pair in store.history("k")]]


def test_many_lookups_are_logarithmic():
    store = TimeMap()
    for time in range(0, 400_000, 2):
        store.set("series", time // 2, time)
    total = 0
    for n in range(200_000):
        total += store.get("series", (n * 7919) % 400_001)
    return total


def generate(rng, n):
    """Fresh sequences of sets at random (repeated, unordered) times and lookups around them."""
    cases = []
    for _ in range(n):
        steps = [(rng.choice(["set", "get", "get", "history"]), rng.choice("ab"), rng.randint(-3, 12), rng.randint(0, 99)) for _ in range(rng.randint(1, 25))]
        cases.append(steps)
    return cases


def check(case):
    store = TimeMap()
    seen = []
    for action, key, time, value in case:
        if action == "set":
            store.set(key, value, time)
        elif action == "get":
            seen.append(store.get(key, time, "missing"))
        else:
            seen.append(store.history(key))
    return seen

import threading

from solution import LazyProxy, loaded, unwrap


class Counted:
    """A factory that counts its calls."""

    def __init__(self, make):
        self.make = make
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.make()


class Settings:
    def __init__(self):
        self.debug = False
        self.name = "app"

    def describe(self, suffix=""):
        return f"{self.name}{suffix}"


def test_the_factory_runs_on_first_use_only():
    factory = Counted(Settings)
    proxy = LazyProxy(factory)
    before = [factory.calls, loaded(proxy)]
    values = [proxy.name, proxy.debug, proxy.describe("!")]
    return [before, values, factory.calls, loaded(proxy)]


def test_attributes_and_methods_are_forwarded():
    proxy = LazyProxy(Settings)
    return [proxy.name, proxy.describe(), proxy.describe(suffix="?"), hasattr(proxy, "missing")]


def test_setting_and_deleting_attributes_reach_the_target():
    factory = Counted(Settings)
    proxy = LazyProxy(factory)
    proxy.debug = True
    proxy.extra = 5
    target = unwrap(proxy)
    seen = [target.debug, target.extra, proxy.extra]
    del proxy.extra
    return [seen, hasattr(target, "extra"), factory.calls]


def test_builtins_and_operators_work_on_a_proxied_list():
    factory = Counted(lambda: [3, 1, 2])
    proxy = LazyProxy(factory)
    results = [len(proxy), list(proxy), 2 in proxy, 9 in proxy, proxy[0], proxy[-1], str(proxy), bool(proxy)]
    proxy[0] = 30
    del proxy[1]
    proxy.append(4)
    return [results, unwrap(proxy), proxy == [30, 2, 4], [30, 2, 4] == proxy, proxy != [1], factory.calls]


def test_a_proxied_dict_and_a_proxied_function():
    config = LazyProxy(lambda: {"a": 1})
    config["b"] = 2
    double = LazyProxy(lambda: lambda x, *, times=2: x * times)
    return [sorted(config.items()), config["a"], "b" in config, double(4), double(4, times=3)]


def test_repr_does_not_load_the_target():
    factory = Counted(lambda: {"k": "v"})
    proxy = LazyProxy(factory)
    before = repr(proxy)
    calls_after_repr = factory.calls
    proxy.keys()
    return [before, calls_after_repr, repr(proxy), factory.calls]


def test_vars_shows_the_targets_attributes():
    proxy = LazyProxy(Settings)
    proxy.level = 3
    return sorted(vars(proxy))


def test_isinstance_sees_the_target_class():
    proxy = LazyProxy(Settings)
    return [isinstance(proxy, Settings), isinstance(proxy, LazyProxy), type(proxy).__name__, proxy.__class__.__name__]


def test_a_proxy_can_be_hashed_like_its_target():
    proxy = LazyProxy(lambda: "key")
    table = {"key": 1}
    return [hash(proxy) == hash("key"), table[proxy], proxy in {"key"}]


def test_none_and_falsy_results_are_created_once():
    outcomes = []
    for make in (lambda: None, lambda: 0, lambda: [], lambda: ""):
        factory = Counted(make)
        proxy = LazyProxy(factory)
        first = bool(proxy)
        second = str(proxy)
        outcomes.append([first, second, factory.calls, loaded(proxy)])
    return outcomes


def test_a_failing_factory_is_tried_again_on_the_next_use():
    attempts = []

    def flaky():
        attempts.append(1)
        if len(attempts) == 1:
            raise ConnectionError("not yet")
        return Settings()

    proxy = LazyProxy(flaky)
    try:
        proxy.name
        first = "loaded"
    except ConnectionError as exc:
        first = str(exc)
    return [first, loaded(proxy), proxy.name, len(attempts), proxy.name, len(attempts)]


def test_proxies_are_independent():
    first, second = LazyProxy(lambda: [1]), LazyProxy(lambda: [2])
    first.append(10)
    return [unwrap(first), unwrap(second), loaded(first), loaded(second)]


def test_unwrap_returns_the_same_object_every_time():
    proxy = LazyProxy(Settings)
    return [unwrap(proxy) is unwrap(proxy), type(unwrap(proxy)).__name__]


def test_concurrent_first_uses_create_the_target_once():
    """The first thread is held inside the factory (for up to 0.2 s) while a second thread uses the proxy."""
    inside, resume = threading.Event(), threading.Event()
    calls = []

    def slow_factory():
        calls.append(threading.current_thread().name)
        inside.set()
        resume.wait(0.2)
        return Settings()

    proxy = LazyProxy(slow_factory)
    results = []
    first = threading.Thread(target=lambda: results.append(id(unwrap(proxy))), name="first")
    first.start()
    inside.wait(2)
    second = threading.Thread(target=lambda: results.append(id(unwrap(proxy))), name="second")
    second.start()
    second.join(0.05)
    resume.set()
    first.join()
    second.join()
    return [len(calls), results[0] == results[1]]


def generate(rng, n):
    """Fresh operation sequences on a lazily created list: reads, writes, appends, deletes, comparisons."""
    cases = []
    for _ in range(n):
        start = [rng.randint(0, 9) for _ in range(rng.randint(0, 5))]
        ops = [(rng.choice(["len", "get", "set", "del", "append", "in", "eq", "bool", "repr", "iter"]), rng.randint(-3, 6)) for _ in range(rng.randint(0, 10))]
        cases.append((start, ops))
    return cases


def check(case):
    start, ops = case
    factory = Counted(lambda: list(start))
    proxy = LazyProxy(factory)
    seen = []
    for op, number in ops:
        try:
            if op == "len":
                seen.append(len(proxy))
            elif op == "get":
                seen.append(proxy[number])
            elif op == "set":
                proxy[number] = number * 10
            elif op == "del":
                del proxy[number]
            elif op == "append":
                proxy.append(number)
            elif op == "in":
                seen.append(number in proxy)
            elif op == "eq":
                seen.append(proxy == list(start))
            elif op == "bool":
                seen.append(bool(proxy))
            elif op == "repr":
                seen.append(repr(proxy))
            else:
                seen.append(list(proxy))
        except IndexError:
            seen.append("IndexError")
    return [seen, factory.calls, loaded(proxy)]

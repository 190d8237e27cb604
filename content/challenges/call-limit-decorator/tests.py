from solution import CallLimitExceeded, call_limit


def _attempt(func, *args):
    try:
        return func(*args)
    except CallLimitExceeded as exc:
        return f"limited: {exc}"


def test_calls_up_to_the_limit():
    @call_limit(2)
    def area(w, h):
        return w * h

    return [_attempt(area, 2, 3), _attempt(area, 4, 5), _attempt(area, 1, 1), area.calls]


def test_metadata_is_kept():
    @call_limit(1)
    def greet(name):
        """Say hello."""
        return f"hi {name}"

    return [greet.__name__, greet.__doc__, getattr(greet, "__wrapped__", None) is not None]


def test_each_function_has_its_own_budget():
    @call_limit(1)
    def first():
        return "first"

    @call_limit(1)
    def second():
        return "second"

    return [_attempt(first), _attempt(second), _attempt(first), _attempt(second)]


def test_one_call_limit_object_gives_each_function_its_own_count():
    limit = call_limit(1)

    @limit
    def first():
        return "first"

    @limit
    def second():
        return "second"

    seen = [_attempt(first), _attempt(second), _attempt(first), first.calls, second.calls]
    second.reset()
    seen += [first.calls, second.calls, _attempt(first), _attempt(second)]
    return seen


def test_reset_restores_the_budget():
    @call_limit(1)
    def ping():
        return "pong"

    results = [_attempt(ping), _attempt(ping)]
    ping.reset()
    results.append(_attempt(ping))
    return [results, ping.calls]


def test_limit_error_is_a_runtime_error():
    return issubclass(CallLimitExceeded, RuntimeError)


def test_zero_limit_is_rejected_at_decoration():
    return call_limit(0)


def test_blocked_call_does_not_run_the_function():
    ran = []

    @call_limit(1)
    def work(x):
        ran.append(x)
        return x

    _attempt(work, 1)
    _attempt(work, 2)
    return ran


def generate(rng, n):
    """Fresh limits for two functions and a sequence of calls and resets on them."""
    cases = []
    for _ in range(n):
        steps = [(rng.choice("ab"), rng.choice(["call", "call", "call", "reset"]), rng.randint(-9, 9)) for _ in range(rng.randint(1, 12))]
        cases.append((rng.randint(1, 4), rng.randint(1, 4), steps, rng.random() < 0.5))
    return cases


def check(case):
    limit_a, limit_b, steps, shared = case
    decorate_a = call_limit(limit_a)
    decorate_b = decorate_a if shared else call_limit(limit_b)  # one call_limit object for both: still two counts

    @decorate_a
    def a(x):
        return x * 2

    @decorate_b
    def b(x):
        return x - 1

    functions = {"a": a, "b": b}
    seen = []
    for name, action, argument in steps:
        function = functions[name]
        if action == "reset":
            function.reset()
            seen.append("reset")
        else:
            seen.append(_attempt(function, argument))
    return [seen, a.calls, b.calls]

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

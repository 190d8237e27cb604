from solution import retry


def _flaky(failures, error=ConnectionError):
    """A function that fails `failures` times, then returns how many calls it took."""
    calls = []

    def fetch():
        calls.append(1)
        if len(calls) <= failures:
            raise error(f"attempt {len(calls)} failed")
        return len(calls)

    return fetch, calls


def test_succeeds_on_third_attempt():
    delays = []
    fetch, _ = _flaky(2)
    wrapped = retry(attempts=5, sleep=delays.append)(fetch)
    return [wrapped(), len(delays)]


def test_delays_grow_exponentially():
    delays = []
    fetch, _ = _flaky(4)
    retry(attempts=5, base_delay=0.5, factor=3, max_delay=100, sleep=delays.append)(fetch)()
    return delays


def test_delay_is_capped():
    delays = []
    fetch, _ = _flaky(5)
    retry(attempts=6, base_delay=1, factor=10, max_delay=30, sleep=delays.append)(fetch)()
    return delays


def test_last_error_is_reraised_without_final_sleep():
    delays = []
    fetch, calls = _flaky(10)
    try:
        retry(attempts=3, sleep=delays.append)(fetch)()
    except ConnectionError as exc:
        return [str(exc), len(calls), len(delays)]
    return "no error"


def test_other_exceptions_are_not_retried():
    delays = []
    fetch, calls = _flaky(1, error=KeyError)
    try:
        retry(attempts=4, exceptions=(ConnectionError, TimeoutError), sleep=delays.append)(fetch)()
    except KeyError:
        return ["KeyError", len(calls), delays]
    return "no error"


def test_success_first_time_never_sleeps():
    delays = []
    fetch, _ = _flaky(0)
    return [retry(sleep=delays.append)(fetch)(), delays]


def test_wraps_keeps_name():
    @retry(sleep=lambda _: None)
    def load_profile():
        """Load it."""

    return [load_profile.__name__, load_profile.__doc__]


def test_default_is_three_attempts():
    delays = []
    calls = []

    @retry(sleep=delays.append, exceptions=(KeyError,))
    def always_fails():
        calls.append(1)
        raise KeyError("missing")

    try:
        always_fails()
    except KeyError:
        pass
    return [len(calls), delays]


def test_one_attempt_never_sleeps_and_zero_is_rejected():
    delays = []

    @retry(1, sleep=delays.append)
    def fails():
        raise OSError("down")

    try:
        fails()
    except OSError as exc:
        first = str(exc)
    outcomes = [first, delays]
    for bad in (0, -2):
        try:
            retry(bad)
            outcomes.append("accepted")
        except ValueError as exc:
            outcomes.append(str(exc))
    return outcomes


def test_every_call_and_every_function_gets_the_full_budget():
    delays = []
    policy = retry(attempts=3, base_delay=1, factor=2, sleep=delays.append)

    def fails_twice_per_success():
        calls = []

        def fetch():
            calls.append(1)
            if len(calls) % 3:
                raise ConnectionError(f"call {len(calls)} failed")
            return len(calls)

        return fetch

    first, second = policy(fails_twice_per_success()), policy(fails_twice_per_success())
    return [first(), first(), second(), delays]


def generate(rng, n):
    """Fresh failure counts, attempt budgets, delays and error types (some not retried)."""
    errors = [ConnectionError, ConnectionError, TimeoutError, KeyError]
    cases = []
    for _ in range(n):
        cases.append((rng.randint(0, 6), rng.randint(1, 6), rng.choice([0.1, 0.5, 1.0]), rng.choice([2, 3]), rng.choice([0.6, 2.0, 100.0]), rng.choice(errors).__name__))
    return cases


def check(case):
    failures, attempts, base, factor, cap, error_name = case
    error = {"ConnectionError": ConnectionError, "TimeoutError": TimeoutError, "KeyError": KeyError}[error_name]
    delays = []
    fetch, calls = _flaky(failures, error)
    wrapped = retry(attempts=attempts, exceptions=(ConnectionError, TimeoutError), base_delay=base, factor=factor, max_delay=cap, sleep=delays.append)(fetch)
    try:
        outcome = ["ok", wrapped()]
    except Exception as exc:
        outcome = ["raised", type(exc).__name__]
    return [outcome, len(calls), delays]

import io
from contextlib import redirect_stdout

from solution import timed


def fake_clock(*readings):
    values = iter(readings)
    return lambda: next(values)


def test_records_elapsed_time():
    seen = []

    @timed(clock=fake_clock(10.0, 12.5), report=lambda *row: seen.append(row))
    def build():
        return "built"

    build()
    return seen


def test_returns_the_result():
    @timed(clock=fake_clock(0.0, 1.0), report=lambda *row: None)
    def add(a, b):
        return a + b

    return [add(2, 3), add.__name__]


def test_failures_are_reported_and_reraised():
    seen = []

    @timed(clock=fake_clock(5.0, 5.25), report=lambda *row: seen.append(row))
    def explode():
        raise RuntimeError("boom")

    try:
        explode()
    except RuntimeError as exc:
        return [str(exc), seen]
    return "no error"


def test_methods_use_qualified_name():
    seen = []

    class Repo:
        @timed(clock=fake_clock(1.0, 4.0), report=lambda *row: seen.append(row))
        def save(self):
            return None

    Repo().save()
    return [row[0].rsplit(".", 2)[-2:] for row in seen]


def test_default_report_prints():
    @timed(clock=fake_clock(0.0, 0.1234))
    def load():
        return 1

    buffer = io.StringIO()
    with redirect_stdout(buffer):
        load()
    return buffer.getvalue()


def test_clock_read_twice_per_call():
    readings = []

    def clock():
        readings.append(len(readings))
        return float(len(readings))

    @timed(clock=clock, report=lambda *row: None)
    def noop():
        return None

    noop()
    noop()
    return len(readings)


def generate(rng, n):
    """Fresh clock readings and calls that succeed or fail."""
    cases = []
    for _ in range(n):
        calls = [(rng.randint(0, 50), rng.choice([0.25, 0.5, 1.5, 4.0]), rng.random() < 0.3) for _ in range(rng.randint(1, 6))]
        cases.append(calls)
    return cases


def check(case):
    readings = []
    for start, elapsed, _ in case:
        readings += [float(start), start + elapsed]
    seen = []

    @timed(clock=fake_clock(*readings), report=lambda *row: seen.append(list(row)))
    def work(value, fails):
        if fails:
            raise ValueError(value)
        return value * 2

    outcomes = []
    for index, (_, _, fails) in enumerate(case):
        try:
            outcomes.append(work(index, fails))
        except ValueError:
            outcomes.append("raised")
    return [outcomes, seen]

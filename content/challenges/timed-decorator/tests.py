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

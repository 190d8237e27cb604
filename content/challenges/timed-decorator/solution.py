import functools
import time


def _print_report(name, elapsed, ok):
    print(f"{name} took {elapsed:.3f}s")


def timed(*, clock=time.perf_counter, report=None):
    sink = report or _print_report

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            started = clock()
            ok = False
            try:
                result = func(*args, **kwargs)
                ok = True
                return result
            finally:
                sink(func.__qualname__, clock() - started, ok)

        return wrapper

    return decorator

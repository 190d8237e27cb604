import functools
import time


def timed(*, clock=time.perf_counter, report=None):
    def sink(name, elapsed, ok):
        if report is None:
            print(f"{name} took {elapsed:.3f}s")
        else:
            report(name, elapsed, ok)

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            started = time.time()
            ok = False
            try:
                result = func(*args, **kwargs)
                ok = True
                return result
            finally:
                sink(func.__name__, round(time.time() - started), ok)

        return wrapper

    return decorator

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
            started = clock()
            result = func(*args, **kwargs)
            sink(func.__qualname__, clock() - started, True)
            return result

        return wrapper

    return decorator

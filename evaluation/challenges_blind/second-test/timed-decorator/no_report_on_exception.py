import functools
import time


def timed(*, clock=time.perf_counter, report=None):
    def decorator(func):
        name = func.__qualname__

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            start = clock()
            result = func(*args, **kwargs)
            elapsed = clock() - start
            if report is None:
                print(f"{name} took {elapsed:.3f}s")
            else:
                report(name, elapsed, True)
            return result

        return wrapper

    return decorator

import functools
import time


def timed(*, clock=time.perf_counter, report=None):
    def decorator(func):
        name = func.__qualname__

        def wrapper(*args, **kwargs):
            start = clock()
            ok = False
            try:
                result = func(*args, **kwargs)
                ok = True
                return result
            finally:
                elapsed = clock() - start
                if report is None:
                    print(f"{name} took {elapsed:.3f}s")
                else:
                    report(name, elapsed, ok)

        return wrapper

    return decorator

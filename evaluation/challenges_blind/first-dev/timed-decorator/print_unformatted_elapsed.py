import functools
import time


def timed(*, clock=time.perf_counter, report=None):
    def decorator(func):
        name = func.__qualname__

        def _emit(elapsed, ok):
            if report is None:
                print(f"{name} took {elapsed}s")
            else:
                report(name, elapsed, ok)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            start = clock()
            ok = False
            try:
                result = func(*args, **kwargs)
                ok = True
                return result
            finally:
                _emit(clock() - start, ok)

        return wrapper

    return decorator

import functools
import time


def timed(*, clock=time.perf_counter, report=None):
    def decorator(func):
        name = func.__qualname__

        def _emit(elapsed, ok):
            if report is None:
                print(f"{name} took {elapsed:.3f}s")
            else:
                report(name, elapsed, ok)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            start = clock()
            try:
                result = func(*args, **kwargs)
            except Exception:
                _emit(clock() - start, False)
                return None
            _emit(clock() - start, True)
            return result

        return wrapper

    return decorator

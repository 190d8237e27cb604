import functools
import time


def retry(attempts=3, *, exceptions=(Exception,), base_delay=0.1, factor=2.0, max_delay=5.0, sleep=time.sleep):
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    state = {"attempt": 0}  # one budget per retry(...) object, never reset: later calls get fewer tries

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            while True:
                state["attempt"] += 1
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    if state["attempt"] >= attempts:
                        raise
                    sleep(min(base_delay * factor ** (state["attempt"] - 1), max_delay))

        return wrapper

    return decorator

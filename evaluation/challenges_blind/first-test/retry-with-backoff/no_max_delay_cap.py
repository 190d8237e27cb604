import functools
import time


def retry(attempts=3, *, exceptions=(Exception,), base_delay=0.1, factor=2.0, max_delay=5.0, sleep=time.sleep):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, attempts + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions as exc:
                    if attempt >= attempts:
                        raise
                    sleep(base_delay * factor ** (attempt - 1))

        return wrapper

    return decorator

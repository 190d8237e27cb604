import functools


class CallLimitExceeded(RuntimeError):
    pass


def call_limit(max_calls: int):
    if max_calls <= 0:
        raise ValueError("max_calls must be positive")
    calls = 0  # one count per call_limit(...) object: two functions decorated with it share it

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            nonlocal calls
            if calls >= max_calls:
                raise CallLimitExceeded(f"{func.__name__} may be called at most {max_calls} times")
            calls += 1
            wrapper.calls = calls
            return func(*args, **kwargs)

        def reset():
            nonlocal calls
            calls = 0
            wrapper.calls = 0

        wrapper.calls = calls
        wrapper.reset = reset
        return wrapper

    return decorator

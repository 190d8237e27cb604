import functools


class CallLimitExceeded(RuntimeError):
    pass


def call_limit(max_calls: int):
    if max_calls < 1:
        raise ValueError("max_calls must be positive")

    def decorator(func):

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            if wrapper.calls > max_calls:
                raise CallLimitExceeded(
                    f"{func.__name__} may be called at most {max_calls} times"
                )
            wrapper.calls += 1
            return func(*args, **kwargs)

        def reset():
            wrapper.calls = 0

        wrapper.calls = 0
        wrapper.reset = reset
        return wrapper

    return decorator

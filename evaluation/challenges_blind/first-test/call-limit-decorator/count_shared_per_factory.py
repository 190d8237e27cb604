import functools


class CallLimitExceeded(RuntimeError):
    pass


def call_limit(max_calls: int):
    if max_calls < 1:
        raise ValueError("max_calls must be positive")
    state = {"calls": 0}

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            if state["calls"] >= max_calls:
                raise CallLimitExceeded(
                    f"{func.__name__} may be called at most {max_calls} times"
                )
            state["calls"] += 1
            wrapper.calls = state["calls"]
            return func(*args, **kwargs)

        def reset():
            state["calls"] = 0
            wrapper.calls = 0

        wrapper.calls = state["calls"]
        wrapper.reset = reset
        return wrapper

    return decorator

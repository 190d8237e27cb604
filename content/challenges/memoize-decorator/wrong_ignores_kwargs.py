import functools


def memoize(func):
    results = {}

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if args not in results:
            results[args] = func(*args, **kwargs)
        return results[args]

    wrapper.cache_clear = results.clear
    return wrapper

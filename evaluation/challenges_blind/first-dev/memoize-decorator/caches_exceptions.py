import functools


def memoize(func):
    cache = {}

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in cache:
            try:
                cache[key] = (True, func(*args, **kwargs))
            except Exception as exc:
                cache[key] = (False, exc)
        ok, value = cache[key]
        if not ok:
            raise value
        return value

    wrapper.cache_clear = cache.clear
    return wrapper

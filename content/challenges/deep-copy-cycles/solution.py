def deep_copy(value, _memo=None):
    memo = {} if _memo is None else _memo
    key = id(value)
    if key in memo:
        return memo[key]
    if isinstance(value, list):
        copied = []
        memo[key] = copied
        copied.extend(deep_copy(item, memo) for item in value)
        return copied
    if isinstance(value, dict):
        copied = {}
        memo[key] = copied
        for k, v in value.items():
            copied[k] = deep_copy(v, memo)
        return copied
    if isinstance(value, set):
        copied = set()
        memo[key] = copied
        copied.update(deep_copy(item, memo) for item in value)
        return copied
    if isinstance(value, tuple):
        items = [deep_copy(item, memo) for item in value]
        if key in memo:
            return memo[key]
        if all(a is b for a, b in zip(items, value)):
            copied = value
        else:
            copied = tuple(items)
        memo[key] = copied
        return copied
    return value

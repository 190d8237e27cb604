def deep_copy(value):
    return _copy(value, {})


def _copy(value, memo):
    if id(value) in memo:
        return memo[id(value)]
    if isinstance(value, list):
        new = []
        memo[id(value)] = new
        for v in value:
            new.append(_copy(v, memo))
        return new
    if isinstance(value, dict):
        new = {k: _copy(v, memo) for k, v in value.items()}
        memo[id(value)] = new
        return new
    if isinstance(value, set):
        new = set()
        memo[id(value)] = new
        for v in value:
            new.add(_copy(v, memo))
        return new
    if isinstance(value, tuple):
        items = [_copy(v, memo) for v in value]
        if id(value) in memo:  # a cycle through this tuple was closed meanwhile
            return memo[id(value)]
        if all(a is b for a, b in zip(items, value)):
            result = value
        else:
            result = tuple(items)
        memo[id(value)] = result
        return result
    return value

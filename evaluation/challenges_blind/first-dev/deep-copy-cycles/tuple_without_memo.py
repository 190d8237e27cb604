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
        new = {}
        memo[id(value)] = new
        for k, v in value.items():
            new[k] = _copy(v, memo)
        return new
    if isinstance(value, set):
        new = set()
        memo[id(value)] = new
        for v in value:
            new.add(_copy(v, memo))
        return new
    if isinstance(value, tuple):
        return tuple(_copy(v, memo) for v in value)
    return value

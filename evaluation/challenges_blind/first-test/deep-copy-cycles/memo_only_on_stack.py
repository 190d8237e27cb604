def deep_copy(value, _active=None):
    if _active is None:
        _active = {}
    if id(value) in _active:
        return _active[id(value)]
    if isinstance(value, list):
        new = []
        _active[id(value)] = new
        new.extend(deep_copy(v, _active) for v in value)
        del _active[id(value)]
        return new
    if isinstance(value, dict):
        new = {}
        _active[id(value)] = new
        for k, v in value.items():
            new[k] = deep_copy(v, _active)
        del _active[id(value)]
        return new
    if isinstance(value, set):
        new = set()
        _active[id(value)] = new
        for v in value:
            new.add(deep_copy(v, _active))
        del _active[id(value)]
        return new
    if isinstance(value, tuple):
        items = [deep_copy(v, _active) for v in value]
        if id(value) in _active:  # a cycle through this tuple was closed meanwhile
            return _active[id(value)]
        result = value if all(a is b for a, b in zip(items, value)) else tuple(items)
        _active[id(value)] = result
        return result
    return value

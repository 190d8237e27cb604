def deep_copy(value):
    if isinstance(value, list):
        return [deep_copy(item) for item in value]
    if isinstance(value, dict):
        return {k: deep_copy(v) for k, v in value.items()}
    if isinstance(value, set):
        return {deep_copy(item) for item in value}
    if isinstance(value, tuple):
        return tuple(deep_copy(item) for item in value)
    return value

def dedupe(items, key=None):
    seen = []
    result = []
    for item in items:
        k = key(item) if key is not None else item
        if k not in seen:
            seen.append(k)
            result.append(item)
    return result

def dedupe(items, key=None):
    seen = {}
    result = []
    for item in items:
        k = key(item) if key is not None else item
        if not seen.get(k):
            seen[k] = item
            result.append(item)
    return result

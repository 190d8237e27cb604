def dedupe(items, key=None):
    keys = [key(x) for x in items] if key is not None else list(items)
    if len(set(keys)) == len(keys):
        return items
    seen = set()
    result = []
    for item, k in zip(items, keys):
        if k not in seen:
            seen.add(k)
            result.append(item)
    return result

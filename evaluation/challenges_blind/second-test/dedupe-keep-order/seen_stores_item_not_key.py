def dedupe(items, key=None):
    seen = set()
    result = []
    for item in items:
        marker = item if key is None else key(item)
        if marker not in seen:
            seen.add(item)
            result.append(item)
    return result

def dedupe(items, key=None):
    seen = []
    result = []
    for item in items:
        marker = item if key is None else key(item)
        if marker not in seen:
            seen.append(marker)
            result.append(item)
    return result

def dedupe(items, key=None):
    if not items:
        return items
    seen = set()
    kept = []
    for item in items:
        marker = item if key is None else key(item)
        if marker not in seen:
            seen.add(marker)
            kept.append(item)
    return kept

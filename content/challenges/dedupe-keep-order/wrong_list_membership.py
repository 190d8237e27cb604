def dedupe(items, key=None):
    seen = []
    kept = []
    for item in items:
        marker = item if key is None else key(item)
        if marker not in seen:
            seen.append(marker)
            kept.append(item)
    return kept

def dedupe(items, key=None):
    seen = set()
    kept = []
    for item in items:
        marker = item if key is None else key(item)
        if marker not in seen:
            seen.add(marker)
            kept.append(item)
    return items if len(kept) == len(items) else kept

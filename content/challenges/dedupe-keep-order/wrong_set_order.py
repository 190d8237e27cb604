def dedupe(items, key=None):
    if key is None:
        return sorted(set(items))
    chosen = {}
    for item in items:
        chosen.setdefault(key(item), item)
    return list(chosen.values())

def dedupe(items, key=None):
    if key is None:
        return list(dict.fromkeys(items))
    by_key = {}
    for item in items:
        by_key[key(item)] = item
    return list(by_key.values())

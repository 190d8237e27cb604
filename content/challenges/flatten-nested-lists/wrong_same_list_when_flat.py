def _walk(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from _walk(item)
        else:
            yield item


def flatten(items):
    if isinstance(items, list) and not any(isinstance(i, (list, tuple)) for i in items):
        return items
    return list(_walk(items))

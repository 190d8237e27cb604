def _walk(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from _walk(item)
        else:
            yield item


def flatten(items):
    return list(_walk(items))

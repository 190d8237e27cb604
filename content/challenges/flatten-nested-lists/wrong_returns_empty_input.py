def _walk(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from _walk(item)
        else:
            yield item


def flatten(items):
    if not items:
        return items  # the caller's own (empty) list, or an empty tuple: not a new list
    return list(_walk(items))

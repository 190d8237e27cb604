def deep_copy(value):
    active = {}

    def copy(obj):
        oid = id(obj)
        if oid in active:
            return active[oid]
        if isinstance(obj, list):
            new = []
            active[oid] = new
            new.extend(copy(item) for item in obj)
        elif isinstance(obj, dict):
            new = {}
            active[oid] = new
            for k, v in obj.items():
                new[k] = copy(v)
        elif isinstance(obj, set):
            new = set()
            active[oid] = new
            new.update(copy(item) for item in obj)
        elif isinstance(obj, tuple):
            items = [copy(item) for item in obj]
            if oid in active:
                return active[oid]
            if all(a is b for a, b in zip(items, obj)):
                return obj
            return tuple(items)
        else:
            return obj
        # finished with this container: it is no longer on the recursion path
        del active[oid]
        return new

    return copy(value)

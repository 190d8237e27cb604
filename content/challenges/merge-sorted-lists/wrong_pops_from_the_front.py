def merge_sorted(first, second, *, key=None):
    if key is None:
        key = lambda item: item  # noqa: E731
    left, right = list(first), list(second)
    merged = []
    while left and right:
        # list.pop(0) shifts every remaining item: each pop is O(n), the merge O(n^2).
        if key(right[0]) < key(left[0]):
            merged.append(right.pop(0))
        else:
            merged.append(left.pop(0))
    return merged + left + right

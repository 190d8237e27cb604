from bisect import bisect_right


def _patience(values):
    # bisect_right for both modes: an equal value lands after its twin and extends the subsequence.
    tail_values, tail_indices, previous = [], [], []
    for index, value in enumerate(values):
        length = bisect_right(tail_values, value)
        previous.append(tail_indices[length - 1] if length else None)
        if length == len(tail_values):
            tail_values.append(value)
            tail_indices.append(index)
        else:
            tail_values[length] = value
            tail_indices[length] = index
    return tail_indices, previous


def lis_length(values, *, strict=True):
    return len(_patience(values)[0])


def longest_increasing(values, *, strict=True):
    tail_indices, previous = _patience(values)
    result = []
    index = tail_indices[-1] if tail_indices else None
    while index is not None:
        result.append(values[index])
        index = previous[index]
    return result[::-1]

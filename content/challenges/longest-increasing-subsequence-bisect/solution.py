from __future__ import annotations

from bisect import bisect_left, bisect_right


def _patience(values: list, strict: bool) -> tuple[list[int], list[int | None]]:
    """Indices of the tails for each length, and each position's predecessor index."""
    place = bisect_left if strict else bisect_right
    tail_values: list = []
    tail_indices: list[int] = []
    previous: list[int | None] = []
    for index, value in enumerate(values):
        length = place(tail_values, value)
        previous.append(tail_indices[length - 1] if length else None)
        if length == len(tail_values):
            tail_values.append(value)
            tail_indices.append(index)
        else:
            tail_values[length] = value
            tail_indices[length] = index
    return tail_indices, previous


def lis_length(values: list, *, strict: bool = True) -> int:
    tail_indices, _ = _patience(values, strict)
    return len(tail_indices)


def longest_increasing(values: list, *, strict: bool = True) -> list:
    tail_indices, previous = _patience(values, strict)
    result = []
    index = tail_indices[-1] if tail_indices else None
    while index is not None:
        result.append(values[index])
        index = previous[index]
    result.reverse()
    return result

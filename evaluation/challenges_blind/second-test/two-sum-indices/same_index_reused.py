from __future__ import annotations


def two_sum(numbers: list[int], target: int) -> tuple[int, int] | None:
    """Return (i, j), i < j, with numbers[i] + numbers[j] == target, or None."""
    first_index = {}
    for j, value in enumerate(numbers):
        first_index.setdefault(value, j)
        i = first_index.get(target - value)
        if i is not None:
            return (i, j)
    return None

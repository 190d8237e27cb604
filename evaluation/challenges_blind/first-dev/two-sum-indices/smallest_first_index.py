from __future__ import annotations


def two_sum(numbers: list[int], target: int) -> tuple[int, int] | None:
    """Return (i, j), i < j, with numbers[i] + numbers[j] == target, or None."""
    positions = {}
    for index, value in enumerate(numbers):
        positions.setdefault(value, []).append(index)
    for i, value in enumerate(numbers):
        for j in positions.get(target - value, ()):
            if j > i:
                return (i, j)
    return None

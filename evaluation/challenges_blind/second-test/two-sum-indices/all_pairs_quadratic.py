from __future__ import annotations


def two_sum(numbers: list[int], target: int) -> tuple[int, int] | None:
    """Return (i, j), i < j, with numbers[i] + numbers[j] == target, or None."""
    for j in range(1, len(numbers)):
        for i in range(j):
            if numbers[i] + numbers[j] == target:
                return (i, j)
    return None

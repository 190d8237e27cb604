from __future__ import annotations


def two_sum(numbers: list[int], target: int) -> tuple[int, int] | None:
    """Return (i, j), i < j, with numbers[i] + numbers[j] == target, or None."""
    seen = {}
    for j, value in enumerate(numbers):
        if target - value in seen:
            return [seen[target - value], j]
        seen.setdefault(value, j)
    return None

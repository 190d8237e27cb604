from __future__ import annotations

from collections.abc import Iterable


def min_coins(coins: Iterable[int], amount: int) -> int | None:
    """The fewest coins adding up to amount, or None when it cannot be made."""
    raise NotImplementedError


def count_ways(coins: Iterable[int], amount: int) -> int:
    """How many multisets of coins add up to amount (order does not matter)."""
    raise NotImplementedError

from __future__ import annotations

from collections.abc import Iterable


def _denominations(coins: Iterable[int]) -> set[int]:
    values = set()
    for coin in coins:
        if type(coin) is not int or coin <= 0:
            raise ValueError("coins must be positive ints")
        values.add(coin)
    return values


def _check_amount(amount: int) -> None:
    if type(amount) is not int or amount < 0:
        raise ValueError("amount must be a non-negative int")


def min_coins(coins: Iterable[int], amount: int) -> int | None:
    values = _denominations(coins)
    _check_amount(amount)
    best: list[int | None] = [0] + [None] * amount
    for total in range(1, amount + 1):
        payable = [best[total - coin] for coin in values if coin <= total and best[total - coin] is not None]
        best[total] = min(payable) + 1 if payable else None
    return best[amount]


def count_ways(coins: Iterable[int], amount: int) -> int:
    values = _denominations(coins)
    _check_amount(amount)
    ways = [1] + [0] * amount
    for coin in values:
        for total in range(coin, amount + 1):
            ways[total] += ways[total - coin]
    return ways[amount]

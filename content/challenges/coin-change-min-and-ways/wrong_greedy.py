from __future__ import annotations


def _denominations(coins):
    values = set()
    for coin in coins:
        if type(coin) is not int or coin <= 0:
            raise ValueError("coins must be positive ints")
        values.add(coin)
    return sorted(values, reverse=True)


def _check_amount(amount):
    if type(amount) is not int or amount < 0:
        raise ValueError("amount must be a non-negative int")


def min_coins(coins, amount):
    # Largest coin first: right for euro coins, wrong for {1, 3, 4} and 6.
    values = _denominations(coins)
    _check_amount(amount)
    used = 0
    for coin in values:
        used += amount // coin
        amount %= coin
    return used if amount == 0 else None


def count_ways(coins, amount):
    values = _denominations(coins)
    _check_amount(amount)
    ways = [1] + [0] * amount
    for coin in values:
        for total in range(coin, amount + 1):
            ways[total] += ways[total - coin]
    return ways[amount]

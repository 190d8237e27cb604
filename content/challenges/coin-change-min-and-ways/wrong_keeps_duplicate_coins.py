from __future__ import annotations


def _denominations(coins):
    values = []
    for coin in coins:
        if type(coin) is not int or coin <= 0:
            raise ValueError("coins must be positive ints")
        values.append(coin)  # a repeated value becomes a second "denomination"
    return sorted(values)


def _check_amount(amount):
    if type(amount) is not int or amount < 0:
        raise ValueError("amount must be a non-negative int")


def min_coins(coins, amount):
    values = _denominations(coins)
    _check_amount(amount)
    impossible = amount + 1
    best = [0] + [impossible] * amount
    for total in range(1, amount + 1):
        for coin in values:
            if coin <= total:
                best[total] = min(best[total], best[total - coin] + 1)
    return None if best[amount] == impossible else best[amount]


def count_ways(coins, amount):
    values = _denominations(coins)
    _check_amount(amount)
    ways = [1] + [0] * amount
    for coin in values:
        for total in range(coin, amount + 1):
            ways[total] += ways[total - coin]
    return ways[amount]

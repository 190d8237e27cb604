from __future__ import annotations


def _denominations(coins):
    values = set()
    for coin in coins:
        if type(coin) is not int or coin <= 0:
            raise ValueError("coins must be positive ints")
        values.add(coin)
    return sorted(values)


def _check_amount(amount):
    if type(amount) is not int or amount < 0:
        raise ValueError("amount must be a non-negative int")


def min_coins(coins, amount):
    values = _denominations(coins)
    _check_amount(amount)
    best = [0] + [None] * amount
    for total in range(1, amount + 1):
        options = [best[total - c] for c in values if c <= total and best[total - c] is not None]
        best[total] = min(options) + 1 if options else None
    return best[amount]


def count_ways(coins, amount):
    values = _denominations(coins)
    _check_amount(amount)
    ways = [1] + [0] * amount
    # Amounts outside, coins inside: 1+2 and 2+1 are counted as two ways.
    for total in range(1, amount + 1):
        for coin in values:
            if coin <= total:
                ways[total] += ways[total - coin]
    return ways[amount]

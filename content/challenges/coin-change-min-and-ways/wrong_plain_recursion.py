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

    def fewest(rest):
        if rest == 0:
            return 0
        answers = [fewest(rest - c) for c in values if c <= rest]
        answers = [a for a in answers if a is not None]
        return min(answers) + 1 if answers else None

    return fewest(amount)


def count_ways(coins, amount):
    values = _denominations(coins)
    _check_amount(amount)

    def ways(rest, smallest_index):
        if rest == 0:
            return 1
        return sum(ways(rest - values[i], i) for i in range(smallest_index, len(values)) if values[i] <= rest)

    return ways(amount, 0)

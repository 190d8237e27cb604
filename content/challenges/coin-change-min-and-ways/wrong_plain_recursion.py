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
        # A plain loop, not a list comprehension: on 3.11 a comprehension is a frame of its own, which doubles
        # the depth, so amount 600 would raise RecursionError before the exponential time shows.
        if rest == 0:
            return 0
        answers = []
        for c in values:
            if c <= rest:
                answer = fewest(rest - c)
                if answer is not None:
                    answers.append(answer)
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

from solution import count_ways, min_coins


def test_fewest_coins_for_small_amounts():
    return [min_coins([1, 2, 5], 11), min_coins([1, 3, 4], 6), min_coins([5, 10], 3), min_coins([2], 4)]


def test_ways_to_make_small_amounts():
    return [count_ways([1, 2, 5], 5), count_ways([2], 3), count_ways([1, 2], 4), count_ways([10], 10)]


def test_amount_zero():
    return [min_coins([3, 7], 0), count_ways([3, 7], 0), min_coins([], 0), count_ways([], 0)]


def test_no_coins_cannot_pay_a_positive_amount():
    return [min_coins([], 5), count_ways([], 5)]


def test_greedy_is_not_optimal():
    return [
        min_coins([1, 3, 4], 6),
        min_coins([1, 5, 6, 9], 11),
        min_coins([1, 7, 10], 14),
        min_coins([4, 3], 6),
    ]


def test_impossible_amounts_are_none_not_zero_or_minus_one():
    return [min_coins([4, 6], 7), min_coins([3, 5], 7), min_coins([2], 1), min_coins([7], 6)]


def test_a_coin_equal_to_the_amount():
    return [min_coins([5, 3], 5), min_coins([9], 9), count_ways([9], 9), min_coins([1, 9], 9)]


def test_order_of_coins_does_not_matter_when_counting():
    return [count_ways([1, 2], 3), count_ways([1, 2, 3], 4), count_ways([2, 1], 3)]


def test_duplicate_coin_values_are_one_denomination():
    return [count_ways([1, 1, 2], 4), min_coins([2, 2, 3], 7), count_ways([5, 5, 5], 10)]


def test_coins_may_be_any_iterable():
    return [min_coins((c for c in [1, 5, 10]), 27), count_ways({3, 1}, 6), count_ways(iter([2, 3]), 7)]


def test_unsorted_coins():
    return [min_coins([10, 1, 5], 18), min_coins([9, 6, 5, 1], 11), count_ways([5, 1, 2], 7)]


def test_bad_coins_are_rejected():
    outcomes = []
    for coins in ([0, 1], [1, -5], [2.5], [True, 2], ["1"]):
        for function in (min_coins, count_ways):
            try:
                function(coins, 3)
            except ValueError as exc:
                outcomes.append(str(exc))
            else:
                outcomes.append("accepted")
    return outcomes


def test_bad_amounts_are_rejected():
    outcomes = []
    for amount in (-1, 2.0, True, "4", None):
        for function in (min_coins, count_ways):
            try:
                function([1, 2], amount)
            except ValueError as exc:
                outcomes.append(str(exc))
            else:
                outcomes.append("accepted")
    return outcomes


def test_amount_one():
    return [min_coins([1], 1), min_coins([2, 3], 1), count_ways([1], 1), count_ways([1, 4], 1)]


def test_medium_amount_with_small_coins():
    return [min_coins([1, 2, 3, 5], 600), count_ways([1, 2, 3, 5], 600)]


def test_large_amount_fewest_coins():
    return [min_coins([1, 7, 23, 61, 97, 113, 199, 331, 487, 997], 9_999), min_coins([97, 113], 10_000)]


def test_large_amount_number_of_ways():
    # the counts have dozens of digits: compared as text
    return [str(count_ways([1, 2, 5, 10, 20, 50, 100, 200], 10_000)), str(count_ways([3, 7, 11], 9_000))]


def test_large_amount_that_cannot_be_made():
    return [min_coins([4, 6, 10, 14], 9_999), count_ways([4, 6, 10, 14], 9_999)]


def test_answer_uses_many_coins_of_one_value():
    return [min_coins([3], 9_999), min_coins([2, 5000], 9_998), min_coins([3, 4], 10)]


def generate(rng, n):
    """Fresh small coin sets (repeats and unsorted orders included) and amounts, some of them unpayable."""
    cases = []
    for _ in range(n):
        coins = [rng.randint(1, 12) for _ in range(rng.randint(0, 5))]
        cases.append((coins, rng.randint(0, 40)))
    return cases


def check(case):
    coins, amount = case
    return [min_coins(list(coins), amount), count_ways(list(coins), amount)]

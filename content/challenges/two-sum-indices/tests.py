from solution import two_sum


def test_pair_at_the_start():
    return two_sum([4, 9, 2, 7], 11)


def test_pair_far_apart():
    return two_sum([1, 8, 3, 0, 5, 12], 13)


def test_no_pair():
    return two_sum([1, 2, 4], 100)


def test_same_value_twice_is_two_positions():
    return [two_sum([3, 3], 6), two_sum([3, 5], 6)]


def test_a_repeated_value_keeps_its_first_index():
    return [two_sum([2, 2, 5], 7), two_sum([1, 4, 4, 4, 3], 7), two_sum([0, 0, 0], 0)]


def test_negative_numbers_and_zero():
    return [two_sum([-4, 10, 0, 4], 0), two_sum([0, -1, 0], 0)]


def test_earliest_second_index_wins():
    return two_sum([1, 5, 2, 4, 3], 6)


def test_empty_and_single():
    return [two_sum([], 1), two_sum([1], 2)]


def test_large_input_answer_at_the_end():
    numbers = list(range(0, 120_000, 2))
    return two_sum(numbers, 119_994 + 119_996)


def generate(rng, n):
    """Fresh lists with small values, so pairs, repeats and misses all come up."""
    cases = []
    for _ in range(n):
        numbers = [rng.randint(-20, 20) for _ in range(rng.randint(0, 30))]
        cases.append((numbers, rng.randint(-30, 30)))
    return cases


def check(case):
    numbers, target = case
    return two_sum(list(numbers), target)

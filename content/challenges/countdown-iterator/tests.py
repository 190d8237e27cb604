from solution import Countdown


def test_counts_down_to_one():
    return list(Countdown(3))


def test_two_loops_give_the_same_values():
    countdown = Countdown(4)
    return [list(countdown), list(countdown)]


def test_step_skips_values():
    return list(Countdown(7, 3))


def test_nested_loops_are_independent():
    countdown = Countdown(2)
    return [(a, b) for a in countdown for b in countdown]


def test_len_matches_values():
    return [len(Countdown(n, s)) == len(list(Countdown(n, s))) for n in range(0, 12) for s in (1, 2, 5)]


def test_zero_start_is_empty():
    return [list(Countdown(0)), list(Countdown(-5)), len(Countdown(-5))]


def test_iterator_is_its_own_iterator_and_stays_exhausted():
    it = iter(Countdown(1))
    same = iter(it) is it
    first = next(it)
    ends = []
    for _ in range(2):
        try:
            next(it)
        except StopIteration:
            ends.append("stop")
    return [same, first, ends]


def test_bad_step_raises():
    return Countdown(3, 0)


def generate(rng, n):
    """Fresh starts (some zero or negative) and steps."""
    return [(rng.randint(-3, 40), rng.randint(1, 6)) for _ in range(n)]


def check(case):
    start, step = case
    countdown = Countdown(start, step)
    return [list(countdown), len(countdown), list(countdown) == list(countdown), [(a, b) for a in Countdown(min(start, 4), step) for b in Countdown(min(start, 3), step)]]

from solution import TokenBucket


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_burst_then_refuse():
    clock = FakeClock()
    bucket = TokenBucket(rate=1, capacity=3, clock=clock)
    return [bucket.try_acquire() for _ in range(4)]


def test_tokens_refill_over_time():
    clock = FakeClock()
    bucket = TokenBucket(rate=2, capacity=4, clock=clock)
    for _ in range(4):
        bucket.try_acquire()
    clock.now += 0.75
    return [bucket.tokens, bucket.try_acquire(), bucket.try_acquire(), bucket.tokens]


def test_idle_time_does_not_exceed_capacity():
    clock = FakeClock()
    bucket = TokenBucket(rate=10, capacity=5, clock=clock)
    clock.now += 3600
    return [bucket.tokens, [bucket.try_acquire() for _ in range(6)]]


def test_wait_time():
    clock = FakeClock()
    bucket = TokenBucket(rate=4, capacity=2, clock=clock)
    before = bucket.wait_time(2)
    bucket.try_acquire(2)
    after = bucket.wait_time(1)
    clock.now += 0.1
    return [before, after, round(bucket.wait_time(1), 9)]


def test_failed_acquire_takes_nothing():
    clock = FakeClock()
    bucket = TokenBucket(rate=1, capacity=5, clock=clock)
    bucket.try_acquire(4)
    return [bucket.try_acquire(3), bucket.tokens]


def test_refill_is_incremental():
    clock = FakeClock()
    bucket = TokenBucket(rate=1, capacity=10, clock=clock)
    for _ in range(10):
        bucket.try_acquire()
    granted = []
    for _ in range(5):
        clock.now += 1
        granted.append(bucket.try_acquire(1))
        granted.append(bucket.try_acquire(1))
    return [granted, bucket.tokens]


def test_invalid_arguments():
    outcomes = []
    for build in (lambda: TokenBucket(0, 1), lambda: TokenBucket(1, 0), lambda: TokenBucket(1, 2).try_acquire(3)):
        try:
            build()
            outcomes.append("accepted")
        except ValueError as exc:
            outcomes.append(str(exc))
    return outcomes


def generate(rng, n):
    """Fresh rates, capacities and sequences of acquisitions, waits and clock moves."""
    cases = []
    for _ in range(n):
        steps = [(rng.choice(["acquire", "acquire", "wait", "tokens", "tick"]), rng.choice([0.5, 1, 2, 3]), rng.choice([0.25, 0.5, 1.0, 10.0])) for _ in range(rng.randint(1, 15))]
        cases.append((rng.choice([0.5, 1, 2, 4]), rng.choice([1, 2, 3, 5]), steps))
    return cases


def check(case):
    rate, capacity, steps = case
    clock = FakeClock()
    bucket = TokenBucket(rate=rate, capacity=capacity, clock=clock)
    seen = []
    for action, cost, delay in steps:
        try:
            if action == "acquire":
                seen.append(bucket.try_acquire(cost))
            elif action == "wait":
                seen.append(bucket.wait_time(cost))
            elif action == "tokens":
                seen.append(bucket.tokens)
            else:
                clock.now += delay
                seen.append("tick")
        except ValueError:
            seen.append("ValueError")
    return seen

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

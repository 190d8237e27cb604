import sys
import threading

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


class PausingClock(FakeClock):
    """A fake clock that, once armed, holds its next caller (inside the bucket) for up to 0.1 s."""

    def __init__(self):
        super().__init__()
        self.armed = False
        self.inside = threading.Event()
        self.resume = threading.Event()

    def __call__(self):
        if self.armed:
            self.armed = False
            self.inside.set()
            self.resume.wait(0.1)
        return self.now


def _while_an_acquire_is_inside(second):
    """One token left; a thread's try_acquire() is held inside the bucket while `second` runs. With the lock,
    `second` waits and sees the token gone; without it, both calls see the same token, every time."""
    clock = PausingClock()
    bucket = TokenBucket(rate=1, capacity=1, clock=clock)
    results = []
    clock.armed = True
    thread = threading.Thread(target=lambda: results.append(bucket.try_acquire()))
    thread.start()
    clock.inside.wait(1)
    second_result = second(bucket)
    clock.resume.set()
    thread.join()
    return [results[0], second_result, bucket.tokens]


def test_two_threads_cannot_take_the_last_token():
    return _while_an_acquire_is_inside(lambda bucket: bucket.try_acquire())


def test_wait_time_waits_for_a_concurrent_acquire():
    return _while_an_acquire_is_inside(lambda bucket: bucket.wait_time())


def test_tokens_waits_for_a_concurrent_acquire():
    return _while_an_acquire_is_inside(lambda bucket: bucket.tokens)


def _paused_just_after_unlocking(first, second):
    """One token left; `first` runs in a thread that pauses (for up to 0.5 s) right after it releases a lock,
    `second` runs meanwhile. A call that checked and took the token in one critical section is finished by
    then; one that checked under the lock and took the token after releasing it lets `second` take the
    same token, every time. (A profile hook sees the lock's `release`/`__exit__` return.)"""
    released = threading.Event()
    resume = threading.Event()

    def hook(frame, event, arg):
        if event == "c_return" and not released.is_set() and getattr(arg, "__name__", "") in ("release", "__exit__"):
            if "lock" in type(getattr(arg, "__self__", None)).__name__.lower():
                released.set()
                resume.wait(0.5)

    bucket = TokenBucket(rate=1, capacity=1, clock=FakeClock())
    results = []

    def target():
        sys.setprofile(hook)
        try:
            results.append(first(bucket))
        finally:
            sys.setprofile(None)

    thread = threading.Thread(target=target)
    thread.start()
    released.wait(2)  # at once when a lock is released; waits in vain only for a bucket with no lock
    second_result = second(bucket)
    resume.set()
    thread.join()
    return [results[0], second_result, bucket.tokens]


def test_an_acquire_checks_and_takes_in_one_critical_section():
    return _paused_just_after_unlocking(lambda b: b.try_acquire(), lambda b: b.try_acquire())


def test_default_cost_is_one_token():
    clock = FakeClock()
    bucket = TokenBucket(rate=2, capacity=3, clock=clock)
    bucket.try_acquire(3)
    return [bucket.wait_time(), bucket.try_acquire(), bucket.tokens]


def test_wait_time_is_never_negative_and_refuses_too_large_a_cost():
    clock = FakeClock()
    bucket = TokenBucket(rate=1, capacity=2, clock=clock)
    clock.now += 100
    try:
        too_large = bucket.wait_time(3)
    except ValueError as exc:
        too_large = str(exc)
    return [bucket.wait_time(0.5), bucket.wait_time(2), too_large]


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

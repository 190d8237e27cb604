import asyncio
import time

from solution import AsyncRateLimiter


class FakeTime:
    """A clock that only moves when the limiter sleeps (or a test moves it)."""

    def __init__(self):
        self.now = 100.0
        self.sleeps = []

    def clock(self):
        return self.now

    async def sleep(self, delay):
        self.sleeps.append(delay)
        self.now += delay
        await asyncio.sleep(0)


class HeldSleep(FakeTime):
    """A sleep that does not return until the test releases it, then moves the clock by the delay."""

    def __init__(self):
        super().__init__()
        self.release = None

    async def sleep(self, delay):
        self.sleeps.append(delay)
        await self.release.wait()
        self.now += delay


def limiter_with(time_source, max_calls, period):
    return AsyncRateLimiter(max_calls, period, clock=time_source.clock, sleep=time_source.sleep)


def test_calls_beyond_the_limit_wait_for_the_window():
    async def main():
        fake = FakeTime()
        limiter = limiter_with(fake, 3, 1.0)
        granted = [await limiter.acquire() for _ in range(5)]
        return [granted, fake.sleeps]

    return asyncio.run(main())


def test_concurrent_callers_are_served_in_order():
    async def main():
        fake = FakeTime()
        limiter = limiter_with(fake, 2, 1.0)
        order = []

        async def call(n):
            at = await limiter.acquire()
            order.append([n, at])

        await asyncio.gather(*(call(n) for n in range(6)))
        return [order, fake.sleeps, fake.now]

    return asyncio.run(main())


def test_the_window_slides_with_each_grant():
    async def main():
        fake = FakeTime()
        limiter = limiter_with(fake, 2, 1.0)
        granted = [await limiter.acquire()]
        fake.now += 0.5
        granted += [await limiter.acquire() for _ in range(4)]
        return [granted, fake.sleeps]

    return asyncio.run(main())


def test_a_grant_expires_exactly_one_period_later():
    async def main():
        fake = FakeTime()
        limiter = limiter_with(fake, 1, 2.0)
        first = await limiter.acquire()
        fake.now += 1.5
        early = limiter.try_acquire()
        fake.now += 0.5
        on_time = limiter.try_acquire()
        return [first, early, on_time, fake.sleeps]

    return asyncio.run(main())


def test_try_acquire_never_waits():
    async def main():
        fake = FakeTime()
        limiter = limiter_with(fake, 2, 1.0)
        results = [limiter.try_acquire() for _ in range(3)]
        fake.now += 1.0
        results += [limiter.try_acquire() for _ in range(3)]
        return [results, fake.sleeps]

    return asyncio.run(main())


def test_try_acquire_does_not_jump_the_queue():
    async def main():
        held = HeldSleep()
        held.release = asyncio.Event()
        limiter = limiter_with(held, 1, 1.0)
        await limiter.acquire()
        waiter = asyncio.create_task(limiter.acquire())
        await asyncio.sleep(0)
        held.now += 5
        jumped = limiter.try_acquire()
        held.release.set()
        waiter_got = await waiter
        return [jumped, waiter_got, limiter.try_acquire(), held.sleeps]

    return asyncio.run(main())


def test_try_acquire_does_not_overtake_a_waiter_the_lock_was_just_handed_to():
    async def main():
        fake = FakeTime()
        limiter = limiter_with(fake, 2, 1.0)
        await limiter.acquire()
        await limiter.acquire()
        seen = []

        async def first():
            seen.append(["first", await limiter.acquire()])
            # the second caller is still queued: the lock was released to it, but it has not run yet
            seen.append(["try", limiter.try_acquire()])

        async def second():
            seen.append(["second", await limiter.acquire()])

        await asyncio.gather(first(), second())
        return [seen, fake.sleeps]

    return asyncio.run(main())


def test_a_cancelled_waiter_takes_no_slot_and_leaves_the_queue():
    async def main():
        held = HeldSleep()
        held.release = asyncio.Event()
        limiter = limiter_with(held, 1, 1.0)
        await limiter.acquire()
        waiter = asyncio.create_task(limiter.acquire())
        await asyncio.sleep(0)
        waiter.cancel()
        try:
            await waiter
            cancelled = "finished"
        except asyncio.CancelledError:
            cancelled = "cancelled"
        held.now += 1
        return [cancelled, limiter.try_acquire(), limiter.try_acquire()]

    return asyncio.run(main())


def test_async_with_acquires_a_slot():
    async def main():
        fake = FakeTime()
        limiter = limiter_with(fake, 1, 3.0)
        async with limiter as entered:
            same = entered is limiter
        async with limiter:
            pass
        return [same, fake.sleeps, fake.now]

    return asyncio.run(main())


def test_an_error_inside_async_with_propagates():
    async def main():
        limiter = limiter_with(FakeTime(), 1, 1.0)
        async with limiter:
            raise KeyError("inside")

    return asyncio.run(main())


def test_invalid_limits_are_refused():
    outcomes = []
    for args in ((0, 1.0), (1, 0), (2, -1.0), (1, 0.001)):
        try:
            AsyncRateLimiter(*args)
            outcomes.append("accepted")
        except ValueError:
            outcomes.append("ValueError")
    return outcomes


def test_the_default_clock_and_sleep_are_real():
    async def main():
        limiter = AsyncRateLimiter(2, 0.05)
        started = time.monotonic()
        for _ in range(5):
            await limiter.acquire()
        return time.monotonic() - started >= 0.1

    return asyncio.run(main())


def generate(rng, n):
    """Fresh limits and sequences of awaited acquisitions, bursts of concurrent callers, tries and clock moves."""
    cases = []
    for _ in range(n):
        steps = [(rng.choice(["acquire", "burst", "try", "try", "tick"]), rng.randint(1, 4), rng.choice([0.25, 0.5, 1.0, 3.0])) for _ in range(rng.randint(1, 12))]
        cases.append((rng.randint(1, 3), rng.choice([0.5, 1.0, 2.0]), steps))
    return cases


def check(case):
    max_calls, period, steps = case

    async def main():
        fake = FakeTime()
        limiter = limiter_with(fake, max_calls, period)
        seen = []
        for action, count, delay in steps:
            if action == "acquire":
                seen.append(await limiter.acquire())
            elif action == "burst":
                seen.append(list(await asyncio.gather(*(limiter.acquire() for _ in range(count)))))
            elif action == "try":
                seen.append(limiter.try_acquire())
            else:
                fake.now += delay
        return [seen, fake.sleeps, fake.now]

    return asyncio.run(main())

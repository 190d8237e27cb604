import asyncio
import time

from solution import fetch_all, run_all


def job(value, delay=0.0, error=None, log=None):
    async def coroutine():
        try:
            await asyncio.sleep(delay)
        except asyncio.CancelledError:
            if log is not None:
                log.append(f"cancelled {value}")
            raise
        if error is not None:
            raise error
        return value

    return coroutine


def test_all_fast():
    return run_all([job(1), job("two"), job([3])], timeout=1.0)


def test_slow_task_times_out_alone():
    return run_all([job("fast"), job("slow", delay=5), job("also fast", delay=0.01)], timeout=0.1)


def test_errors_are_reported_per_task():
    return run_all([job(1, error=KeyError("k")), job(2), job(3, error=ValueError("v"))], timeout=1.0)


def test_runs_concurrently():
    started = time.monotonic()
    results = run_all([job(n, delay=0.15) for n in range(6)], timeout=1.0)
    return [results, time.monotonic() - started < 0.6]


def test_total_time_is_bounded_by_the_timeout():
    started = time.monotonic()
    results = run_all([job(n, delay=3) for n in range(4)], timeout=0.1)
    return [results, time.monotonic() - started < 1.0]


def test_slow_task_is_cancelled():
    log = []
    run_all([job("slow", delay=5, log=log)], timeout=0.05)
    return log


def test_empty_list():
    return [run_all([], timeout=0.1), asyncio.run(fetch_all([], 0.1))]


def test_slow_task_is_cancelled_before_fetch_all_returns():
    log = []

    async def main():
        results = await fetch_all([job("slow", delay=5, log=log), job("fast")], 0.05)
        await asyncio.sleep(0.01)  # a cancel() still being delivered lands now; a task left running does not
        return [results, list(log)]

    return asyncio.run(main())


def generate(rng, n):
    """Fresh task lists: values, some that fail and some far slower than the timeout (never close to it)."""
    errors = [None, None, None, KeyError, ValueError, RuntimeError]
    cases = []
    for _ in range(n):
        tasks = []
        for index in range(rng.randint(0, 6)):
            slow = rng.random() < 0.25
            error = rng.choice(errors)
            tasks.append((rng.choice([index, f"v{rng.randint(0, 99)}", [index]]), 30.0 if slow else 0.0, error))
        cases.append(tasks)
    return cases


def check(case):
    factories = [job(value, delay=delay, error=None if error is None else error("x")) for value, delay, error in case]
    return run_all(factories, timeout=0.1)

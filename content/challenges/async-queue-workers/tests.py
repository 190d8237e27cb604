import asyncio

from solution import process_all


class Tracker:
    """Counts how many calls of the worker run at once, and which items the producer has read."""

    def __init__(self):
        self.active = 0
        self.most = 0
        self.pulled = []
        self.cancelled = []

    def source(self, items):
        for item in items:
            self.pulled.append(item)
            yield item

    async def enter(self):
        self.active += 1
        self.most = max(self.most, self.active)

    def leave(self):
        self.active -= 1


def test_results_come_back_in_input_order():
    async def double(x):
        for _ in range(x % 4):
            await asyncio.sleep(0)
        return x * 2

    return asyncio.run(process_all([3, 1, 0, 2, 5, 4], double))


def test_at_most_workers_calls_run_at_once():
    tracker = Tracker()

    async def work(x):
        await tracker.enter()
        for _ in range(3):
            await asyncio.sleep(0)
        tracker.leave()
        return x

    results = asyncio.run(process_all(range(12), work, workers=3))
    return [results, tracker.most]


def test_the_producer_reads_ahead_only_as_far_as_the_queue_allows():
    tracker = Tracker()

    async def main():
        gate = asyncio.Event()

        async def work(x):
            await gate.wait()
            return x

        task = asyncio.create_task(process_all(tracker.source(range(100)), work, workers=2, maxsize=2))
        for _ in range(20):
            await asyncio.sleep(0)
        pulled_while_blocked = len(tracker.pulled)
        gate.set()
        results = await task
        return [pulled_while_blocked, len(results), results[-1]]

    return asyncio.run(main())


def test_every_task_has_finished_when_it_returns():
    async def main():
        async def work(x):
            await asyncio.sleep(0)
            return -x

        results = await process_all([1, 2, 3, 4, 5], work, workers=4, maxsize=1)
        await asyncio.sleep(0)
        leftover = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        return [results, len(leftover)]

    return asyncio.run(main())


def test_empty_input_and_more_workers_than_items():
    async def work(x):
        return x

    return [
        asyncio.run(process_all([], work)),
        asyncio.run(process_all(["only"], work, workers=5, maxsize=1)),
        asyncio.run(process_all("abc", work, workers=1, maxsize=1)),
    ]


def test_a_failure_cancels_the_rest_and_is_raised_as_itself():
    tracker = Tracker()

    async def work(x):
        if x == 2:
            await asyncio.sleep(0)
            raise KeyError(x)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            tracker.cancelled.append(x)
            raise
        return x

    async def main():
        try:
            await process_all(tracker.source(range(50)), work, workers=3, maxsize=2)
        except Exception as exc:
            return [type(exc).__name__, exc.args]
        return "no error"

    outcome = asyncio.run(main())
    return [outcome, sorted(tracker.cancelled), len(tracker.pulled) < 10]


def test_defaults_are_three_workers_and_a_queue_of_two():
    tracker = Tracker()

    async def main():
        gate = asyncio.Event()

        async def work(x):
            await tracker.enter()
            await gate.wait()
            tracker.leave()
            return x

        task = asyncio.create_task(process_all(tracker.source(range(30)), work))
        for _ in range(20):
            await asyncio.sleep(0)
        pulled = len(tracker.pulled)
        gate.set()
        await task
        return [pulled, tracker.most]

    return asyncio.run(main())


def test_when_two_fail_together_the_first_failure_is_raised():
    async def work(x):
        await asyncio.sleep(0)
        raise KeyError(x)

    async def main():
        try:
            await process_all([1, 2], work, workers=2)
        except KeyError as exc:
            return exc.args
        return "no KeyError"

    return asyncio.run(main())


def test_bad_settings_are_refused():
    async def work(x):
        return x

    outcomes = []
    for settings in ({"workers": 0}, {"maxsize": 0}, {"workers": -1, "maxsize": 3}):
        try:
            asyncio.run(process_all([1], work, **settings))
            outcomes.append("accepted")
        except ValueError:
            outcomes.append("ValueError")
    return outcomes


def test_none_and_falsy_results_are_kept():
    async def work(x):
        return [None, 0, "", False][x % 4]

    return asyncio.run(process_all(range(8), work, workers=2))


def test_many_items():
    async def work(x):
        await asyncio.sleep(0)
        return x % 7

    results = asyncio.run(process_all(range(20_000), work, workers=8, maxsize=16))
    return [len(results), sum(results), results[:8]]


def generate(rng, n):
    """Fresh item lists, worker counts and queue sizes; some items make the worker fail."""
    cases = []
    for _ in range(n):
        items = [rng.randint(0, 30) for _ in range(rng.randint(0, 15))]
        cases.append((items, rng.randint(1, 4), rng.randint(1, 3), rng.choice([None, None, 13, 7])))
    return cases


def check(case):
    items, workers, maxsize, bad = case
    tracker = Tracker()

    async def work(x):
        await tracker.enter()
        for _ in range(x % 3):
            await asyncio.sleep(0)
        tracker.leave()
        if x == bad:
            raise ValueError(x)
        return x * 10

    async def main():
        try:
            return await process_all(list(items), work, workers=workers, maxsize=maxsize)
        except ValueError as exc:
            return ["ValueError", type(exc).__name__]

    return [asyncio.run(main()), tracker.most <= workers]

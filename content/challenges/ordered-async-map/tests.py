import asyncio
import contextlib

from solution import ordered_map


class Probe:
    """Records which items the map has read, how many calls run at once, and which calls were cancelled."""

    def __init__(self):
        self.pulled = []
        self.active = 0
        self.most = 0
        self.cancelled = []

    def source(self, items):
        for item in items:
            self.pulled.append(item)
            yield item

    async def asource(self, items):
        for item in items:
            await asyncio.sleep(0)
            self.pulled.append(item)
            yield item

    async def call(self, item, steps=0, gate=None, fail=False):
        self.active += 1
        self.most = max(self.most, self.active)
        try:
            for _ in range(steps):
                await asyncio.sleep(0)
            if gate is not None:
                await gate.wait()
            if fail:
                raise KeyError(item)
            return item * 10
        except asyncio.CancelledError:
            self.cancelled.append(item)
            raise
        finally:
            self.active -= 1


async def _collect(agen):
    return [result async for result in agen]


def _leftover_tasks():
    return len([task for task in asyncio.all_tasks() if task is not asyncio.current_task()])


def test_results_come_back_in_input_order():
    probe = Probe()

    async def func(x):
        return await probe.call(x, steps=(7 - x) % 4)

    return asyncio.run(_collect(ordered_map(func, range(8), limit=3)))


def test_at_most_limit_calls_run_at_once():
    probe = Probe()

    async def func(x):
        return await probe.call(x, steps=x % 3 + 1)

    results = asyncio.run(_collect(ordered_map(func, range(12), limit=3)))
    return [results, probe.most]


def test_the_limit_is_reached_not_only_respected():
    probe = Probe()

    async def func(x):
        return await probe.call(x, steps=5)

    results = asyncio.run(_collect(ordered_map(func, range(10), limit=4)))
    return [results, probe.most]


def test_a_slow_first_call_holds_back_reading():
    """The first call waits on a gate, the others finish at once: finished results wait their turn, and they
    count against the limit, so no more than `limit` items are read."""
    probe = Probe()

    async def main():
        gate = asyncio.Event()

        async def func(x):
            return await probe.call(x, gate=gate if x == 0 else None)

        task = asyncio.create_task(_collect(ordered_map(func, probe.source(range(50)), limit=3)))
        for _ in range(30):
            await asyncio.sleep(0)
        pulled_while_blocked = list(probe.pulled)
        gate.set()
        results = await task
        return [pulled_while_blocked, len(results), results[:5]]

    return asyncio.run(main())


def test_a_result_is_yielded_while_later_calls_still_run():
    probe = Probe()

    async def main():
        gate = asyncio.Event()

        async def func(x):
            return await probe.call(x, gate=None if x == 0 else gate)

        async with contextlib.aclosing(ordered_map(func, probe.source(range(6)), limit=3)) as results:
            first = await anext(results)
            running = probe.active
            gate.set()
            rest = [result async for result in results]
        return [first, running, rest, probe.pulled]

    return asyncio.run(main())


def test_nothing_is_read_before_iteration_starts():
    probe = Probe()

    async def func(x):
        return x

    async def main():
        results = ordered_map(func, probe.source(range(5)), limit=2)
        await asyncio.sleep(0)
        before = list(probe.pulled)
        first = await anext(results)
        await results.aclose()
        return [before, first, probe.pulled]

    return asyncio.run(main())


def test_an_async_iterable_source_is_read_with_async_for():
    probe = Probe()

    async def func(x):
        return await probe.call(x, steps=x % 2)

    results = asyncio.run(_collect(ordered_map(func, probe.asource(range(7)), limit=2)))
    return [results, probe.most, probe.pulled]


def test_a_failure_is_raised_in_order_and_cancels_the_rest():
    probe = Probe()

    async def main():
        never = asyncio.Event()

        async def func(x):
            if x < 2:
                return await probe.call(x, steps=3)
            if x == 2:
                return await probe.call(x, steps=1, fail=True)
            return await probe.call(x, gate=never)

        seen = []
        try:
            async for result in ordered_map(func, probe.source(range(20)), limit=4):
                seen.append(result)
        except KeyError as exc:
            seen.append(["KeyError", exc.args])
        return [seen, sorted(probe.cancelled), probe.pulled, _leftover_tasks()]

    return asyncio.run(main())


def test_a_later_failure_does_not_hide_earlier_results():
    probe = Probe()

    async def main():
        async def func(x):
            # item 3 fails at once, while items 0-2 are still running
            return await probe.call(x, steps=0 if x == 3 else 6, fail=x == 3)

        seen = []
        try:
            async for result in ordered_map(func, range(6), limit=4):
                seen.append(result)
        except KeyError as exc:
            seen.append(["KeyError", exc.args])
        return [seen, _leftover_tasks()]

    return asyncio.run(main())


def test_closing_early_cancels_the_calls_still_running():
    probe = Probe()

    async def main():
        never = asyncio.Event()

        async def func(x):
            return await probe.call(x, gate=never if x >= 2 else None)

        results = ordered_map(func, probe.source(range(100)), limit=3)
        taken = [await anext(results), await anext(results)]
        await results.aclose()
        return [taken, sorted(probe.cancelled), probe.pulled, _leftover_tasks(), probe.active]

    return asyncio.run(main())


def test_cancelling_the_consumer_cancels_the_calls():
    probe = Probe()

    async def main():
        never = asyncio.Event()

        async def func(x):
            return await probe.call(x, gate=never)

        task = asyncio.create_task(_collect(ordered_map(func, range(10), limit=3)))
        for _ in range(5):
            await asyncio.sleep(0)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        return [sorted(probe.cancelled), _leftover_tasks(), probe.active]

    return asyncio.run(main())


def test_a_bad_limit_is_refused_at_call_time():
    async def func(x):
        return x

    outcomes = []
    for limit in (0, -3):
        try:
            ordered_map(func, [1, 2], limit=limit)
            outcomes.append("accepted")
        except ValueError:
            outcomes.append("ValueError")
    return outcomes


def test_empty_input_and_limit_one():
    probe = Probe()

    async def func(x):
        return await probe.call(x, steps=2)

    empty = asyncio.run(_collect(ordered_map(func, [], limit=3)))
    one_at_a_time = asyncio.run(_collect(ordered_map(func, [5, 1, 3], limit=1)))
    return [empty, one_at_a_time, probe.most]


def test_none_and_falsy_results_are_yielded():
    async def func(x):
        await asyncio.sleep(0)
        return [None, 0, "", False, []][x % 5]

    return asyncio.run(_collect(ordered_map(func, range(10), limit=3)))


def test_more_slots_than_items():
    probe = Probe()

    async def func(x):
        return await probe.call(x, steps=3 - x)

    results = asyncio.run(_collect(ordered_map(func, [1, 2, 3], limit=10)))
    return [results, probe.most, probe.pulled]


def test_many_items():
    async def func(x):
        await asyncio.sleep(0)
        return x % 11

    results = asyncio.run(_collect(ordered_map(func, range(5_000), limit=64)))
    return [len(results), sum(results), results[:12]]


def generate(rng, n):
    """Fresh inputs, limits, per-item step counts and sometimes a failing item."""
    cases = []
    for _ in range(n):
        items = [rng.randint(0, 40) for _ in range(rng.randint(0, 14))]
        steps = [rng.randint(0, 4) for _ in items]
        fail_at = rng.choice([None, None, rng.randint(0, 14)])
        cases.append((items, steps, rng.randint(1, 4), fail_at, rng.random() < 0.5))
    return cases


def check(case):
    items, steps, limit, fail_at, use_async_source = case
    probe = Probe()
    lead = []

    async def func(pair):
        index, item = pair
        # how far reading is ahead of the results yielded so far, measured as each call starts
        lead.append(len(probe.pulled) - len(seen))
        return await probe.call(item, steps=steps[index], fail=index == fail_at)

    seen = []

    async def main():
        pairs = list(enumerate(items))
        source = probe.asource(pairs) if use_async_source else probe.source(pairs)
        try:
            async for result in ordered_map(func, source, limit=limit):
                seen.append(result)
        except KeyError as exc:
            seen.append(["KeyError", exc.args])
        return _leftover_tasks()

    leftover = asyncio.run(main())
    return [seen, probe.most <= limit, max(lead, default=0) <= limit, leftover]

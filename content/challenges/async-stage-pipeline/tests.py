import asyncio

from solution import run_pipeline


class Stage:
    """An async stage function that records how many of its calls run at once and which were cancelled."""

    def __init__(self, transform, steps=0, gate=None, fail_on=None):
        self.transform = transform
        self.steps = steps
        self.gate = gate
        self.fail_on = fail_on
        self.active = 0
        self.most = 0
        self.cancelled = 0

    async def __call__(self, item):
        self.active += 1
        self.most = max(self.most, self.active)
        try:
            steps = self.steps(item) if callable(self.steps) else self.steps
            for _ in range(steps):
                await asyncio.sleep(0)
            if self.gate is not None:
                await self.gate.wait()
            if item == self.fail_on:
                raise KeyError(item)
            return self.transform(item)
        except asyncio.CancelledError:
            self.cancelled += 1
            raise
        finally:
            self.active -= 1


class Source:
    def __init__(self, items):
        self.items = items
        self.read = 0

    def __iter__(self):
        for item in self.items:
            self.read += 1
            yield item


def _leftover_tasks():
    return len([task for task in asyncio.all_tasks() if task is not asyncio.current_task()])


def test_items_pass_through_every_stage_in_order():
    add = Stage(lambda x: x + 1, steps=lambda x: x % 3)
    double = Stage(lambda x: x * 2, steps=lambda x: (x * 7) % 4)
    return asyncio.run(run_pipeline(range(8), [(add, 2), (double, 3)]))


def test_each_stage_runs_at_most_its_workers_at_once():
    first = Stage(lambda x: x, steps=3)
    second = Stage(lambda x: -x, steps=5)
    results = asyncio.run(run_pipeline(range(20), [(first, 2), (second, 4)], maxsize=3))
    return [results, first.most, second.most]


def test_stages_with_more_workers_downstream_all_shut_down():
    stages = [(Stage(str, steps=1), 1), (Stage(lambda s: s + "!", steps=2), 4), (Stage(len, steps=1), 2)]
    return asyncio.run(run_pipeline([1, 22, 333, 4444, 5], stages))


def test_a_stage_with_fewer_workers_downstream_shuts_down_too():
    stages = [(Stage(lambda x: x * 3, steps=lambda x: 4 - x % 5), 5), (Stage(lambda x: x - 1), 1)]
    return asyncio.run(run_pipeline(range(12), stages, maxsize=2))


def test_workers_of_one_stage_that_finish_at_different_times_lose_nothing():
    """The first item is slow in stage one: its worker is still busy when the other worker runs out of input."""
    slow_first = Stage(lambda x: x, steps=lambda x: 40 if x == 0 else 0)
    stages = [(slow_first, 2), (Stage(lambda x: x * 10, steps=1), 2)]
    return asyncio.run(run_pipeline(range(5), stages))


def test_a_blocked_last_stage_holds_back_reading():
    source = Source(range(100))

    async def main():
        gate = asyncio.Event()
        stages = [(Stage(lambda x: x), 2), (Stage(lambda x: x), 1), (Stage(lambda x: x, gate=gate), 3)]
        task = asyncio.create_task(run_pipeline(source, stages, maxsize=2))
        for _ in range(60):
            await asyncio.sleep(0)
        read_while_blocked = source.read
        gate.set()
        results = await task
        return [read_while_blocked, len(results), results[-3:]]

    return asyncio.run(main())


def test_a_failure_in_a_middle_stage_cancels_everything_and_is_raised():
    source = Source(range(1000))

    async def main():
        never = asyncio.Event()
        first = Stage(lambda x: x)
        middle = Stage(lambda x: x, steps=2, fail_on=5)
        last = Stage(lambda x: x, gate=never)
        try:
            await run_pipeline(source, [(first, 2), (middle, 2), (last, 2)], maxsize=2)
        except KeyError as exc:
            outcome = ["KeyError", exc.args]
        else:
            outcome = "no error"
        return [outcome, last.cancelled, source.read < 30, _leftover_tasks(), middle.active + last.active]

    return asyncio.run(main())


def test_a_failure_in_the_first_stage_is_raised():
    async def main():
        stages = [(Stage(lambda x: x, fail_on=0), 3), (Stage(lambda x: x), 1)]
        try:
            await run_pipeline([0, 1, 2], stages)
        except KeyError as exc:
            return ["KeyError", exc.args, _leftover_tasks()]
        return "no error"

    return asyncio.run(main())


def test_when_two_calls_fail_together_the_first_failure_is_raised():
    async def main():
        # both workers of the first stage fail in the same turn of the event loop, item 1 first
        stages = [(Stage(lambda x: {}[x], steps=1), 2), (Stage(lambda x: x), 2)]
        try:
            await run_pipeline([1, 2, 3], stages, maxsize=2)
        except KeyError as exc:
            return exc.args
        return "no KeyError"

    return asyncio.run(main())


def test_one_stage_and_empty_input():
    return [
        asyncio.run(run_pipeline([], [(Stage(lambda x: x), 3), (Stage(lambda x: x), 2)])),
        asyncio.run(run_pipeline("abc", [(Stage(str.upper), 1)])),
        asyncio.run(run_pipeline([7], [(Stage(lambda x: x * x), 4)], maxsize=5)),
    ]


def test_none_and_falsy_results_are_kept():
    pick = Stage(lambda x: [None, 0, "", False][x % 4], steps=lambda x: x % 2)
    return asyncio.run(run_pipeline(range(8), [(Stage(lambda x: x, steps=1), 2), (pick, 2)]))


def test_bad_settings_are_refused():
    ok = Stage(lambda x: x)
    outcomes = []
    for stages, maxsize in (([], 1), ([(ok, 0)], 1), ([(ok, 1), (ok, -2)], 1), ([(ok, 1)], 0)):
        try:
            asyncio.run(run_pipeline([1], stages, maxsize=maxsize))
            outcomes.append("accepted")
        except ValueError:
            outcomes.append("ValueError")
    return outcomes


def test_the_default_queue_holds_one_item():
    source = Source(range(50))

    async def main():
        gate = asyncio.Event()
        task = asyncio.create_task(run_pipeline(source, [(Stage(lambda x: x), 1), (Stage(lambda x: x, gate=gate), 1)]))
        for _ in range(40):
            await asyncio.sleep(0)
        read = source.read
        gate.set()
        await task
        return read

    return asyncio.run(main())


def test_many_items():
    stages = [(Stage(lambda x: x + 1), 4), (Stage(lambda x: x % 13), 3), (Stage(lambda x: x * 2, steps=1), 5)]
    results = asyncio.run(run_pipeline(range(2000), stages, maxsize=8))
    return [len(results), sum(results), results[:14]]


def generate(rng, n):
    """Fresh inputs, stage shapes, queue sizes and sometimes a failing item in some stage."""
    cases = []
    for _ in range(n):
        items = [rng.randint(0, 50) for _ in range(rng.randint(0, 15))]
        shape = [(rng.randint(1, 4), rng.randint(0, 3)) for _ in range(rng.randint(1, 4))]
        fail = rng.choice([None, None, (rng.randrange(len(shape)), rng.randint(0, 50))])
        cases.append((items, shape, rng.randint(1, 3), fail))
    return cases


def check(case):
    items, shape, maxsize, fail = case
    stages = []
    for position, (workers, steps) in enumerate(shape):
        fail_on = fail[1] if fail and fail[0] == position else None
        stage = Stage(lambda x, p=position: x + p, steps=lambda x, s=steps: (x + s) % 4, fail_on=fail_on)
        stages.append((stage, workers))

    async def main():
        try:
            return await run_pipeline(list(items), stages, maxsize=maxsize)
        except KeyError as exc:
            return ["KeyError", exc.args]

    outcome = asyncio.run(main())
    return [outcome, all(stage.most <= workers for stage, workers in stages)]

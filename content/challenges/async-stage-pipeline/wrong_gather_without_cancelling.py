import asyncio

_DONE = object()  # "no more items": each worker of a stage takes exactly one


async def run_pipeline(source, stages, *, maxsize: int = 1) -> list:
    if not stages or maxsize < 1 or any(workers < 1 for _, workers in stages):
        raise ValueError("need at least one stage, workers >= 1 and maxsize >= 1")
    queues = [asyncio.Queue(maxsize) for _ in stages]
    results: dict = {}

    async def feed() -> None:
        for index, item in enumerate(source):
            await queues[0].put((index, item))
        for _ in range(stages[0][1]):
            await queues[0].put(_DONE)

    async def work(position: int, func, running: list) -> None:
        last = position == len(stages) - 1
        while (job := await queues[position].get()) is not _DONE:
            index, item = job
            value = await func(item)
            if last:
                results[index] = value
            else:
                await queues[position + 1].put((index, value))
        running[0] -= 1
        # Only the stage's last worker to stop may tell the next stage: the others may still be putting items.
        if running[0] == 0 and not last:
            for _ in range(stages[position + 1][1]):
                await queues[position + 1].put(_DONE)

    tasks = [asyncio.create_task(feed())]
    for position, (func, workers) in enumerate(stages):
        running = [workers]
        tasks += [asyncio.create_task(work(position, func, running)) for _ in range(workers)]
    await asyncio.gather(*tasks)  # the first failure is raised here
    return [results[index] for index in range(len(results))]

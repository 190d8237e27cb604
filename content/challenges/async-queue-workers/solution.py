import asyncio

_DONE = object()  # one per consumer: "no more work", so every consumer leaves its loop


async def process_all(items, worker, *, workers: int = 3, maxsize: int = 2) -> list:
    if workers < 1 or maxsize < 1:
        raise ValueError("workers and maxsize must be at least 1")
    queue: asyncio.Queue = asyncio.Queue(maxsize)
    results: dict = {}

    async def produce() -> None:
        for index, item in enumerate(items):
            await queue.put((index, item))
        for _ in range(workers):
            await queue.put(_DONE)

    async def consume() -> None:
        while (job := await queue.get()) is not _DONE:
            index, item = job
            results[index] = await worker(item)

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(produce())
            for _ in range(workers):
                group.create_task(consume())
    except ExceptionGroup as failed:
        # the task group has cancelled the producer and the other consumers; report the first failure itself
        raise failed.exceptions[0] from None
    return [results[index] for index in range(len(results))]

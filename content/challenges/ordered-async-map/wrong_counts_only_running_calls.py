import asyncio
from collections import deque


def ordered_map(func, iterable, *, limit: int):
    if limit < 1:
        raise ValueError("limit must be at least 1")
    return _ordered_map(func, iterable, limit)


async def _ordered_map(func, iterable, limit):
    semaphore = asyncio.Semaphore(limit)

    async def call(item):
        try:
            return await func(item)
        finally:
            semaphore.release()

    async def items():
        if hasattr(iterable, "__aiter__"):
            async for item in iterable:
                yield item
        else:
            for item in iterable:
                yield item

    async def feed():
        async for item in items():
            await semaphore.acquire()  # a slot frees when a call finishes, even if its result waits its turn
            await queue.put(asyncio.ensure_future(call(item)))
        await queue.put(None)

    queue: asyncio.Queue = asyncio.Queue()
    feeder = asyncio.ensure_future(feed())
    started: deque = deque()
    try:
        while (task := await queue.get()) is not None:
            started.append(task)
            yield await started.popleft()
    finally:
        feeder.cancel()
        while not queue.empty():
            task = queue.get_nowait()
            if task is not None:
                started.append(task)
        for task in started:
            task.cancel()
        await asyncio.gather(feeder, *started, return_exceptions=True)

import asyncio


def ordered_map(func, iterable, *, limit: int):
    if limit < 1:
        raise ValueError("limit must be at least 1")
    return _ordered_map(func, iterable, limit)


async def _aiterate(iterable):
    if hasattr(iterable, "__aiter__"):
        async for item in iterable:
            yield item
    else:
        for item in iterable:
            yield item


async def _ordered_map(func, iterable, limit):
    source = _aiterate(iterable)
    running: set = set()
    exhausted = False
    try:
        while True:
            while not exhausted and len(running) < limit:
                try:
                    item = await anext(source)
                except StopAsyncIteration:
                    exhausted = True
                else:
                    running.add(asyncio.ensure_future(func(item)))
            if not running:
                return
            done, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                yield task.result()
    finally:
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)

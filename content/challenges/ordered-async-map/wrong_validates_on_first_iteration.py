import asyncio
from collections import deque


async def ordered_map(func, iterable, *, limit: int):
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if hasattr(iterable, "__aiter__"):
        source = aiter(iterable)
    else:

        async def wrap():
            for item in iterable:
                yield item

        source = wrap()
    window: deque = deque()
    exhausted = False
    try:
        while True:
            while not exhausted and len(window) < limit:
                try:
                    item = await anext(source)
                except StopAsyncIteration:
                    exhausted = True
                else:
                    window.append(asyncio.ensure_future(func(item)))
            if not window:
                return
            yield await window.popleft()
    finally:
        for task in window:
            task.cancel()
        await asyncio.gather(*window, return_exceptions=True)

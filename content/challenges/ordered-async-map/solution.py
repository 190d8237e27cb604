import asyncio
from collections import deque


def ordered_map(func, iterable, *, limit: int):
    # A plain function, so a bad limit fails here: an async generator's body would not run before iteration.
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
    # started calls whose results have not been yielded yet, in input order: the whole window, finished or not
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
        # a failure, aclose() or cancellation: stop the calls still running and wait until they have stopped
        for task in window:
            task.cancel()
        await asyncio.gather(*window, return_exceptions=True)

import asyncio
from collections import deque


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
    window: deque = deque()
    exhausted = False
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

import asyncio


def ordered_map(func, iterable, *, limit: int):
    raise NotImplementedError

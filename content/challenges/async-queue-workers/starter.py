import asyncio


async def process_all(items, worker, *, workers: int = 3, maxsize: int = 2) -> list:
    raise NotImplementedError

import asyncio


async def fetch_all(factories, timeout: float) -> list:
    raise NotImplementedError


def run_all(factories, timeout: float) -> list:
    return asyncio.run(fetch_all(factories, timeout))

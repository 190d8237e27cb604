import asyncio


async def _one(factory, timeout: float):
    try:
        return await asyncio.wait_for(factory(), timeout)
    except asyncio.TimeoutError:
        return "timeout"
    except Exception as exc:
        return f"error: {type(exc).__name__}"


async def fetch_all(factories, timeout: float) -> list:
    return list(await asyncio.gather(*(_one(factory, timeout) for factory in factories)))


def run_all(factories, timeout: float) -> list:
    return asyncio.run(fetch_all(factories, timeout))

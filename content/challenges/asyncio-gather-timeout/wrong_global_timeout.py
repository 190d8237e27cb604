import asyncio


async def fetch_all(factories, timeout: float) -> list:
    try:
        results = await asyncio.wait_for(asyncio.gather(*(f() for f in factories), return_exceptions=True), timeout)
    except asyncio.TimeoutError:
        return ["timeout"] * len(factories)
    return [f"error: {type(r).__name__}" if isinstance(r, Exception) else r for r in results]


def run_all(factories, timeout: float) -> list:
    return asyncio.run(fetch_all(factories, timeout))

import asyncio


async def fetch_all(factories, timeout: float) -> list:
    results = []
    for factory in factories:
        try:
            results.append(await asyncio.wait_for(factory(), timeout))
        except asyncio.TimeoutError:
            results.append("timeout")
        except Exception as exc:
            results.append(f"error: {type(exc).__name__}")
    return results


def run_all(factories, timeout: float) -> list:
    return asyncio.run(fetch_all(factories, timeout))

import asyncio


async def fetch_all(factories, timeout: float) -> list:
    async def one(factory):
        try:
            return await asyncio.wait_for(factory(), timeout)
        except asyncio.TimeoutError:
            return "timeout"
        except Exception as exc:
            return f"error: {exc!r}"

    return list(await asyncio.gather(*(one(f) for f in factories)))


def run_all(factories, timeout: float) -> list:
    return asyncio.run(fetch_all(factories, timeout))

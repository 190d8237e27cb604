import asyncio


async def fetch_all(factories, timeout: float) -> list:
    if not factories:
        return []
    tasks = [asyncio.ensure_future(f()) for f in factories]
    done, pending = await asyncio.wait(tasks, timeout=timeout)
    results = []
    for task in tasks:
        if task in pending:
            results.append("timeout")
        elif task.exception() is not None:
            results.append(f"error: {type(task.exception()).__name__}")
        else:
            results.append(task.result())
    return results


def run_all(factories, timeout: float) -> list:
    return asyncio.run(fetch_all(factories, timeout))

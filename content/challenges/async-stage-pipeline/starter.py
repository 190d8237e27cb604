import asyncio


async def run_pipeline(source, stages, *, maxsize: int = 1) -> list:
    raise NotImplementedError

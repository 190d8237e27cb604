import asyncio


async def crawl(start: str, fetch, limit: int, max_pages: int = 1000) -> list[str]:
    raise NotImplementedError

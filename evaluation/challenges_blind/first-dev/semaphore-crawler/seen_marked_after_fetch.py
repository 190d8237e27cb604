import asyncio


async def crawl(start: str, fetch, limit: int, max_pages: int = 1000) -> list[str]:
    sem = asyncio.Semaphore(limit)
    visited = set()
    pending = set()
    scheduled = 1

    async def visit(url):
        nonlocal scheduled
        async with sem:
            try:
                links = await fetch(url)
            except LookupError:
                links = []
        visited.add(url)
        for link in links:
            if link not in visited and scheduled < max_pages:
                scheduled += 1
                pending.add(asyncio.create_task(visit(link)))

    pending.add(asyncio.create_task(visit(start)))
    while pending:
        batch = list(pending)
        pending.clear()
        await asyncio.gather(*batch)
    return sorted(visited)

import asyncio


async def crawl(start: str, fetch, limit: int, max_pages: int = 1000) -> list[str]:
    sem = asyncio.Semaphore(limit)
    seen = {start}
    visited = []
    pending = set()

    async def visit(url):
        async with sem:
            try:
                links = await fetch(url)
            except LookupError:
                return
        visited.append(url)
        for link in links:
            if link not in seen and len(seen) < max_pages:
                seen.add(link)
                pending.add(asyncio.create_task(visit(link)))

    pending.add(asyncio.create_task(visit(start)))
    while pending:
        batch = list(pending)
        pending.clear()
        await asyncio.gather(*batch)
    return sorted(visited)

import asyncio


async def crawl(start: str, fetch, limit: int, max_pages: int = 1000) -> list[str]:
    seen = {start}
    visited = []
    level = [start]
    started = 0

    async def visit(url):
        try:
            return list(await fetch(url))
        except LookupError:
            return []

    while level and started < max_pages:
        level = level[: max_pages - started]
        started += len(level)
        results = await asyncio.gather(*(visit(url) for url in level))
        next_level = []
        for url, links in zip(level, results):
            if links is None:
                continue
            visited.append(url)
            for link in links:
                if link not in seen:
                    seen.add(link)
                    next_level.append(link)
        level = next_level
    return sorted(visited)

import asyncio


async def crawl(start: str, fetch, limit: int, max_pages: int = 1000) -> list[str]:
    semaphore = asyncio.Semaphore(limit)
    seen = {start}
    visited: list[str] = []

    async def visit(url: str) -> list[str]:
        async with semaphore:
            try:
                return list(await fetch(url))
            except LookupError:
                return []

    frontier = [start]
    while frontier and len(visited) < max_pages:
        frontier = frontier[: max_pages - len(visited)]
        visited.extend(frontier)
        pages = await asyncio.gather(*(visit(url) for url in frontier))
        frontier = []
        for links in pages:
            for link in links:
                if link not in seen:
                    seen.add(link)
                    frontier.append(link)
    return sorted(visited)

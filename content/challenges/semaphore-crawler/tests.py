import asyncio

from solution import crawl


class FakeSite:
    """Pages and links in memory; records every fetch and the peak number running at once."""

    def __init__(self, links):
        self.links = links
        self.fetched = []
        self.running = 0
        self.peak = 0

    async def fetch(self, url):
        self.fetched.append(url)
        self.running += 1
        self.peak = max(self.peak, self.running)
        try:
            await asyncio.sleep(0.002)
            if url not in self.links:
                raise LookupError(url)
            return self.links[url]
        finally:
            self.running -= 1


def wide_site(width):
    links = {"/": [f"/p{n}" for n in range(width)]}
    for n in range(width):
        links[f"/p{n}"] = ["/", f"/p{(n + 1) % width}"]
    return links


def test_visits_every_reachable_page():
    site = FakeSite({"/": ["/a", "/b"], "/a": ["/c"], "/b": ["/c", "/"], "/c": [], "/island": []})
    return asyncio.run(crawl("/", site.fetch, limit=2))


def test_respects_the_concurrency_limit():
    site = FakeSite(wide_site(40))
    pages = asyncio.run(crawl("/", site.fetch, limit=3))
    return [len(pages), site.peak <= 3]


def test_each_page_fetched_once():
    site = FakeSite(wide_site(25))
    asyncio.run(crawl("/", site.fetch, limit=5))
    return [len(site.fetched), len(set(site.fetched))]


def test_missing_pages_are_visited_but_dead_ends():
    site = FakeSite({"/": ["/gone", "/ok"], "/ok": ["/gone"]})
    return asyncio.run(crawl("/", site.fetch, limit=4))


def test_max_pages_stops_the_crawl():
    site = FakeSite(wide_site(50))
    pages = asyncio.run(crawl("/", site.fetch, limit=4, max_pages=10))
    return [len(pages), len(site.fetched), pages[0]]


def test_max_pages_counts_pages_one_wave_at_a_time():
    chain = {"/": ["/a"], "/a": ["/b"], "/b": ["/c"], "/c": ["/d"], "/d": []}
    results = []
    for max_pages in (1, 2, 3, 5, 6):
        site = FakeSite(chain)
        results.append([max_pages, asyncio.run(crawl("/", site.fetch, limit=2, max_pages=max_pages)), len(site.fetched)])
    return results


def test_max_pages_takes_pages_in_breadth_first_order():
    site = FakeSite({"/": ["/z", "/y", "/x"], "/z": ["/z1", "/z2"], "/y": ["/y1"], "/x": ["/x1"], "/z1": ["/deep"]})
    results = []
    for max_pages in (3, 5, 7):
        site.fetched = []
        results.append([max_pages, asyncio.run(crawl("/", site.fetch, limit=3, max_pages=max_pages)), len(site.fetched)])
    return results


def test_limit_one_is_sequential():
    site = FakeSite(wide_site(10))
    asyncio.run(crawl("/", site.fetch, limit=1))
    return site.peak


def test_page_linked_from_two_pages_in_one_wave_is_fetched_once():
    site = FakeSite({"/": ["/a", "/b"], "/a": ["/shared"], "/b": ["/shared"], "/shared": []})
    pages = asyncio.run(crawl("/", site.fetch, limit=2))
    return [pages, sorted(site.fetched)]


def test_default_max_pages_is_one_thousand():
    async def endless(url):
        number = int(url)
        return [str(2 * number + 1), str(2 * number + 2)]

    visited = asyncio.run(crawl("0", endless, limit=50))
    return [len(visited), visited[:3]]


def generate(rng, n):
    """Fresh small sites: random links (some to missing pages), a concurrency limit and a page budget."""
    cases = []
    for _ in range(n):
        pages = ["/"] + [f"/p{index}" for index in range(rng.randint(0, 14))]
        links = {page: [rng.choice(pages + ["/gone"]) for _ in range(rng.randint(0, 4))] for page in pages}
        cases.append((links, rng.randint(1, 4), rng.choice([3, 6, 1000])))
    return cases


def check(case):
    links, limit, max_pages = case
    site = FakeSite({page: list(targets) for page, targets in links.items()})
    pages = asyncio.run(crawl("/", site.fetch, limit=limit, max_pages=max_pages))
    return [pages, len(site.fetched) == len(set(site.fetched)), sorted(site.fetched) == pages, site.peak <= limit]

"""Where one logged-in practice-card request spends its time: queries, CPU per request, and a cProfile.

    uv run --frozen python benchmarks/practice_card_profile.py [--requests 300] [--top 40]

The card is the page `serving_bench.py` loads (a revealed card of a 20-card session), served through Django's
test client under the production settings, on a private copy of var/'s SQLite database. CPU time (not wall
time) per request is printed because the machine is shared: it is what a web worker spends on the page.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.stack import django_on_site_copy, revealed_practice_card  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()

    django_on_site_copy("pyprep-card-profile-")
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    user, url = revealed_practice_card(username="card-profile")
    client = Client()
    client.force_login(user)
    for _ in range(30):  # warm: templates compiled, caches filled
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    print(f"{url}: {len(queries.captured_queries)} queries")
    for query in queries.captured_queries:
        print("  ", query["sql"][:160])
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.requests):
        client.get(url)
    print(
        f"per request: {(time.process_time() - cpu) / args.requests * 1000:.2f} ms CPU, "
        f"{(time.perf_counter() - started) / args.requests * 1000:.2f} ms wall (test client included)"
    )
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.requests):
        client.get(url)
    profile.disable()
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

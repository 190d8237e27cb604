"""CPU per request for the pages serving_bench.py loads, through Django's test client: steady on a busy machine.

    uv run --frozen python benchmarks/page_cpu.py [--requests 2000] [--profile "question page"]

wrk's requests/s on a shared 2-core machine move with whatever else runs; the CPU one request costs the web
worker does not. Each anonymous request comes from a new visitor (no cookies: a fresh CSRF cookie each time,
as wrk's are), after warm-up, so anonymous pages are page-cache hits. Production settings, a private copy of
var/'s SQLite database. Test-client overhead is included and the same for every page.
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
    parser.add_argument("--requests", type=int, default=2000, help="per anonymous page; a tenth for the card")
    parser.add_argument("--profile", default="", help="print a cProfile of this page (its name, as printed)")
    args = parser.parse_args()

    django_on_site_copy("pyprep-page-cpu-")
    from django.test import Client

    from pyprep.bank.models import Question

    question = Question.objects.published().filter(kind="concept").order_by("pk").first()
    assert question is not None, "no question: run `make content` first"
    user, card_path = revealed_practice_card(username="page-cpu")
    signed_in = Client()
    signed_in.force_login(user)
    visitor = Client()  # its cookies are cleared before each request: a new visitor every time
    pages = [
        ("question page", f"/questions/{question.slug}/", None),
        ("question list", "/questions/", None),
        ("JSON search", "/api/questions?q=generator", None),
        ("practice card", card_path, signed_in),
    ]
    print("| page | requests | ms CPU per request |")
    print("|---|---|---|")
    for name, url, client in pages:
        count = args.requests if client is None else max(args.requests // 10, 30)

        def get(url: str = url, client: Client | None = client) -> None:
            if client is None:
                visitor.cookies.clear()
            response = (client or visitor).get(url)
            assert response.status_code == 200, (url, response.status_code)

        for _ in range(30):  # warm: templates compiled, caches filled
            get()
        started = time.process_time()
        for _ in range(count):
            get()
        print(f"| {name} | {count} | {(time.process_time() - started) / count * 1000:.3f} |", flush=True)
        if name == args.profile:
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(count):
                get()
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

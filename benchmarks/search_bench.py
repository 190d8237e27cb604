"""`make bench`: search latency as the bank grows — p50/p95 of `/api/questions?q=` per bank size and engine.

    python benchmarks/search_bench.py --sizes 1000,10000,50000 [--json] [--engines sqlite,postgresql]

Synthetic banks are built from the real questions: each synthetic question is a real one (its topics, summary, key points,
phrasings and the first 600 characters of its answer) with words of another real title mixed into its title,
so the vocabulary, document lengths and match counts look like a real bank's, only larger. Queries are the 372
phrasings of tests/search_eval. PostgreSQL runs in a throwaway server started by scripts/with-services
(PYPREP_TEST_PG_PORT picks its port). With --json the last line is a list of {"engine","size","p50_ms","p95_ms"}.

A request is timed through the WSGI application, as a server (gunicorn, granian) calls it in the web process:
the whole middleware stack, the view and the response, with the database connection kept between requests as
production keeps it (CONN_MAX_AGE). The HTTP parsing and the network around it are not counted. Django's test
client, timed too ("client" columns), wraps each request in test instrumentation a visitor never pays for
(template and exception signals connected and disconnected per request, the response decorated for asserts).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ANSWER_CHARS = 600
WARMUP = 20
TIMED = 300


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def _grow_bank(target: int, rng: random.Random) -> None:
    """Add synthetic questions until the bank holds `target` of them, indexing them as the loader would."""
    import numpy as np
    from django.db import connection, transaction
    from django.utils import timezone

    from pyprep.bank import dense, search
    from pyprep.bank.models import KeyPoint, Question, QuestionEmbedding, Status
    from pyprep.bank.pagecache import bank_changed

    real = list(Question.objects.filter(source_path__gt="").prefetch_related("topics", "key_points"))
    have = Question.objects.count()
    if have >= target:
        return
    embedder = dense.embedder_get()
    rest = {
        q.pk: embedder.embed_question(title="", asked_as=search.asked_as_lines(q.asked_as), summary=q.summary)
        for q in real
    }
    topic_ids = {q.pk: [t.pk for t in q.topics.all()] for q in real}
    new: list[Question] = []
    templates: list[Question] = []
    for number in range(have, target):
        template, other = rng.choice(real), rng.choice(real)
        words = other.title.rstrip("?").split()
        extra = " ".join(rng.sample(words, k=min(3, len(words))))
        templates.append(template)
        new.append(
            Question(
                slug=f"synthetic-{number}",
                title=f"{template.title.rstrip('?')} — {extra}?",
                asked_as=template.asked_as,
                level=template.level,
                kind=template.kind,
                status=Status.PUBLISHED,
                summary=template.summary,
                answer=template.answer[:ANSWER_CHARS],
            )
        )
    with transaction.atomic():
        created = Question.objects.bulk_create(new, batch_size=2000)
        through = Question.topics.through
        through.objects.bulk_create(
            [
                through(question_id=q.pk, topic_id=topic)
                for q, t in zip(created, templates, strict=True)
                for topic in topic_ids[t.pk]
            ],
            batch_size=5000,
        )
        titles = embedder.embed([q.title for q in created])
        now = timezone.now()
        vectors = [
            (titles[i] + rest[t.pk]) / max(float(np.linalg.norm(titles[i] + rest[t.pk])), 1e-9)
            for i, t in enumerate(templates)
        ]
        QuestionEmbedding.objects.bulk_create(
            [
                QuestionEmbedding(question_id=q.pk, vector=v.astype(np.float32).tobytes(), updated_at=now)
                for q, v in zip(created, vectors, strict=True)
            ],
            batch_size=2000,
        )
        # The lexical index is built in memory from the questions' rows: copy the template's key points too.
        points = {q.pk: list(q.key_points.values_list("text", flat=True)) for q in real}
        KeyPoint.objects.bulk_create(
            [
                KeyPoint(question_id=q.pk, position=position, text=text)
                for q, t in zip(created, templates, strict=True)
                for position, text in enumerate(points[t.pk])
            ],
            batch_size=5000,
        )
    if connection.vendor == "postgresql":
        # A real bank has been vacuumed and analysed since its rows were written. Without it the loop timed
        # first after the bulk insert read slower than the same requests timed later (p95 38.8 against 25.4 ms
        # at 50,000 in one run): it paid for hint bits and the visibility map, not for search.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    # Rows written in bulk send no signals: tell every cache and search's in-memory index that the bank moved.
    bank_changed()


def _wsgi_get(handler: Any, environ: dict[str, Any]) -> int:
    """One request through the WSGI application, read to its end; its HTTP status."""
    statuses: list[str] = []
    body = handler(dict(environ), lambda status, headers, exc_info=None: statuses.append(status))
    try:
        b"".join(body)
    finally:
        body.close()
    return int(statuses[0].split()[0])


def run_engine(sizes: list[int], *, timed: int = TIMED) -> list[dict[str, object]]:
    """Build growing banks in a throwaway database of the configured engine and time the API on each."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.path.insert(0, str(ROOT))
    import django
    import yaml

    django.setup()
    from django.core.cache import caches
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.test.utils import setup_test_environment

    from pyprep.bank import search
    from pyprep.bank.evaluate_search import load_real_bank

    setup_test_environment()
    # The database as production uses it (config/settings/prod.py): the connection kept between requests and
    # checked before each one, and on SQLite a file in WAL mode, not the test settings' shared in-memory one.
    # (The test settings close the connection after every request; Django's test client also reconnects that
    # handler on each call, so a loop timed after a client loop paid a new PostgreSQL connection per request.)
    settings = connection.settings_dict
    settings["CONN_MAX_AGE"], settings["CONN_HEALTH_CHECKS"] = 600, True
    scratch = Path(tempfile.mkdtemp(prefix="pyprep-search-bench-"))
    if connection.vendor == "sqlite":
        settings["TEST"] = {**settings.get("TEST", {}), "NAME": str(scratch / "bench.sqlite3")}
    handler, factory = WSGIHandler(), RequestFactory()
    queries = [
        entry["q"]
        for path in sorted((ROOT / "tests" / "search_eval").glob("*.yaml"))
        for entry in yaml.safe_load(path.read_text())
    ]
    rng = random.Random(12)
    results: list[dict[str, object]] = []
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    connection.close()  # the next query connects with the settings above
    try:
        load_real_bank()
        client = Client()
        for size in sizes:
            started = time.perf_counter()
            _grow_bank(size, rng)
            built = time.perf_counter() - started
            order = rng.sample(queries, k=len(queries))
            started = time.perf_counter()
            search.search("warm up")  # the first search of a process (re)builds its in-memory indexes
            indexed = time.perf_counter() - started
            for q in order[:WARMUP]:
                _wsgi_get(handler, factory.get("/api/questions", {"q": q}).environ)
            caches["pages"].clear()  # or the warm-up's queries, timed again, would be page-cache hits
            timings: list[float] = []
            for index in range(timed):
                if index and index % len(order) == 0:
                    caches["pages"].clear()
                environ = factory.get("/api/questions", {"q": order[index % len(order)]}).environ
                start = time.perf_counter()
                status = _wsgi_get(handler, environ)
                timings.append((time.perf_counter() - start) * 1000)
                assert status == 200, status
            for q in order[
                :WARMUP
            ]:  # each loop is warmed alike: the first after a bulk insert is not favoured
                client.get("/api/questions", {"q": q})
            # The same requests through the test client (the figures this bench gave before it timed the WSGI
            # application). Each response is in the page cache by now: empty it, or these would be cache hits.
            caches["pages"].clear()
            through_client: list[float] = []
            for index in range(timed):
                q = order[index % len(order)]
                if index and index % len(order) == 0:
                    caches["pages"].clear()
                start = time.perf_counter()
                response = client.get("/api/questions", {"q": q})
                through_client.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.content
            # The same queries through search alone: what the ranking costs without the page around it.
            alone: list[float] = []
            for q in order[:WARMUP]:
                search.search(q)
            for index in range(timed):
                start = time.perf_counter()
                search.search(order[index % len(order)])
                alone.append((time.perf_counter() - start) * 1000)
            row = {
                "engine": connection.vendor,
                "size": size,
                "p50_ms": round(statistics.median(timings), 2),
                "p95_ms": round(_percentile(timings, 0.95), 2),
                "search_p50_ms": round(statistics.median(alone), 2),
                "search_p95_ms": round(_percentile(alone, 0.95), 2),
                "client_p50_ms": round(statistics.median(through_client), 2),
                "client_p95_ms": round(_percentile(through_client, 0.95), 2),
            }
            print(
                json.dumps({**row, "build_s": round(built, 1), "index_s": round(indexed, 2)}),
                file=sys.stderr,
                flush=True,
            )
            results.append(row)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(scratch, ignore_errors=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="comma-separated bank sizes")
    parser.add_argument("--engines", default="sqlite,postgresql", help="sqlite, postgresql or both")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of the figures")
    parser.add_argument("--timed", type=int, default=TIMED, help=f"requests timed per size (default {TIMED})")
    parser.add_argument("--engine-run", help=argparse.SUPPRESS)  # internal: measure the configured engine
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    if args.engine_run:
        print(json.dumps(run_engine(sizes, timed=args.timed)))
        return 0

    rows: list[dict[str, object]] = []
    for engine in args.engines.split(","):
        command = [
            sys.executable,
            __file__,
            "--engine-run",
            engine,
            "--sizes",
            args.sizes,
            "--timed",
            str(args.timed),
        ]
        env = {**os.environ}
        env.pop("DATABASE_URL", None)
        if engine == "postgresql":
            if not shutil.which("pg_ctlcluster") and not list(
                Path("/usr/lib/postgresql").glob("*/bin/initdb")
            ):
                print("search_bench: PostgreSQL is not installed; skipping it", file=sys.stderr)
                continue
            command = [str(ROOT / "scripts" / "with-services"), *command]
        out = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        if out.returncode != 0:
            print(out.stdout + out.stderr, file=sys.stderr)
            return out.returncode
        rows += json.loads(out.stdout.strip().splitlines()[-1])

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(
        f"{'engine':<12} {'size':>7} {'p50 ms':>8} {'p95 ms':>8} {'search p50':>11} {'search p95':>11} "
        f"{'client p50':>11} {'client p95':>11}"
    )
    for row in rows:
        print(
            f"{row['engine']:<12} {row['size']:>7} {row['p50_ms']:>8} {row['p95_ms']:>8} "
            f"{row['search_p50_ms']:>11} {row['search_p95_ms']:>11} "
            f"{row['client_p50_ms']:>11} {row['client_p95_ms']:>11}"
        )
    if args.json:
        print(json.dumps([{key: row[key] for key in ("engine", "size", "p50_ms", "p95_ms")} for row in rows]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

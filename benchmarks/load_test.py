"""The load test that proves nothing is lost: simulated users browse, search, practise and submit, then rows are counted.

    uv run python benchmarks/load_test.py [--users 64] [--seconds 60]                    # SQLite (a copy of var/)
    scripts/with-services uv run python benchmarks/load_test.py                         # PostgreSQL + Redis

The site runs as `make run` runs it (granian, production settings, the judge beside it) on loopback only.
Each simulated user has its own account and its own loopback source address (127.0.1.N, so per-IP limits
apply per user, as on the internet) and keeps one keep-alive connection. A user loops for the given time
over: browsing (home, list, a question), searching (page and JSON), practice (reveal, then rate the card)
and challenge submissions (submit, then wait on the verdict push). Then the database is asked: is every
rating a client got a redirect/2xx for a Review, does every submission the site accepted have a verdict, is
any judge job still pending. A 5xx, a dropped connection or an unexpected status is an error.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.stack import ROOT, VENV_BIN, Stack, copy_sqlite_site, site_env  # noqa: E402

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ITEM_RE = re.compile(r'name="item" value="(\d+)"')
WAIT_RE = re.compile(r'hx-get="(/challenges/submissions/(\d+)/wait/)"')
GRADED_RE = re.compile(r'data-graded="true" data-submission="(\d+)"')
DELAY_RE = re.compile(r'hx-trigger="load delay:(\d+)s"')
SLUG_RE = re.compile(r'href="/questions/([a-z0-9-]+)/')
WORDS = [
    "generator",
    "decorator",
    "gil",
    "asyncio",
    "dict",
    "closure",
    "metaclass",
    "tuple",
    "context manager",
]


def rows(env: dict[str, str], *args: str, stdin: str = "") -> dict[str, Any]:
    out = subprocess.run(
        [str(VENV_BIN / "python"), "benchmarks/load_rows.py", *args],
        cwd=ROOT, env=env, input=stdin, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    actions: Counter[str] = field(default_factory=Counter)
    requests: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    refused: int = 0
    rated_items: list[int] = field(default_factory=list)
    submissions: list[int] = field(default_factory=list)
    verdict_ms: list[float] = field(default_factory=list)


class User:
    def __init__(self, index: int, port: int, cookie: str, tally: Tally, challenges: list[dict[str, str]]):
        self.source = f"127.0.1.{index + 1}"
        self.port = port
        self.cookies = dict([cookie.split("=", 1)])
        self.tally = tally
        self.challenges = challenges
        self.connection: http.client.HTTPConnection | None = None
        self.practice_url = ""
        self.slugs: list[str] = []

    def request(
        self,
        method: str,
        path: str,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(form) if form is not None else None
        all_headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {})}
        if body is not None:
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=30, source_address=(self.source, 0)
                )
            try:
                self.connection.request(method, path, body=body, headers=all_headers)
                response = self.connection.getresponse()
                text = response.read().decode()
                break
            except (http.client.HTTPException, OSError) as exc:
                # A keep-alive connection the server closed while idle is retried once on a new one. Any other
                # failure (a timeout) is counted, and the connection is dropped with it: http.client cannot
                # send on a connection whose response never came, so keeping it would fail every later request.
                self.connection.close()
                self.connection = None
                idle_close = isinstance(
                    exc, (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)
                )
                if attempt == 2 or method != "GET" or not idle_close:
                    with self.tally.lock:
                        self.tally.errors[f"{method} {path.split('?')[0]}: {type(exc).__name__}"] += 1
                    return 0, "", ""
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        with self.tally.lock:
            self.tally.requests += 1
            if response.status >= 500 or response.status in (403, 404) and "/questions/" not in path:
                self.tally.errors[
                    f"{method} {re.sub(r'[0-9]+', 'N', path.split('?')[0])}: {response.status}"
                ] += 1
        return response.status, text, response.getheader("Location") or ""

    def browse(self) -> None:
        status, text, _ = self.request(
            "GET", random.choice(["/", "/questions/", "/questions/?level=mid", "/sets/"])
        )
        self.slugs = SLUG_RE.findall(text) or self.slugs
        if self.slugs:
            self.request("GET", f"/questions/{random.choice(self.slugs)}/")

    def search(self) -> None:
        word = urllib.parse.quote(random.choice(WORDS))
        self.request("GET", random.choice([f"/questions/?q={word}", f"/api/questions?q={word}"]))

    def practise(self) -> None:
        if not self.practice_url:
            _, page, _ = self.request("GET", "/practice/")
            token = CSRF_RE.search(page)
            status, _, location = self.request(
                "POST",
                "/practice/sessions/",
                {
                    "csrfmiddlewaretoken": token.group(1) if token else "",
                    "scope": "filter",
                    "length": "20",
                },  # fmt: skip
            )
            if status != 302 or "/practice/sessions/" not in location:
                with self.tally.lock:
                    self.tally.errors[f"start practice: {status}"] += 1
                return
            self.practice_url = urllib.parse.urlparse(location).path
        status, page, location = self.request("GET", self.practice_url)
        if status == 302:  # finished: start another next time
            self.practice_url = ""
            return
        item, token = ITEM_RE.search(page), CSRF_RE.search(page)
        if status != 200 or not item or not token:
            return
        form = {"csrfmiddlewaretoken": token.group(1), "item": item.group(1)}
        self.request("POST", f"{self.practice_url}reveal/", {**form, "answer": "it yields values lazily"})
        status, _, _ = self.request(
            "POST", f"{self.practice_url}rate/", {**form, "grade": random.choice("1234")}
        )
        if 200 <= status < 400:
            with self.tally.lock:
                self.tally.rated_items.append(int(item.group(1)))

    def submit(self) -> None:
        challenge = random.choice(self.challenges)
        page_path = f"/challenges/{challenge['slug']}/"
        status, page, _ = self.request("GET", page_path)
        token = CSRF_RE.search(page)
        if not token:
            return
        code = challenge["right"] if random.random() < 0.7 else challenge["wrong"]
        started = time.perf_counter()
        status, fragment, _ = self.request(
            "POST", f"{page_path}submit/", {"csrfmiddlewaretoken": token.group(1), "kind": "submit", "code": code},
            headers={"HX-Request": "true"},
        )  # fmt: skip
        # The Submit request answers with the verdict when it comes within a second, else with the pending box
        # that long-polls; anything else (a 200 without either) is a polite refusal (a rate limit, a full queue).
        wait, graded = WAIT_RE.search(fragment), GRADED_RE.search(fragment)
        found = wait.group(2) if wait else graded.group(1) if graded else None
        if status != 200 or found is None:
            with self.tally.lock:
                self.tally.refused += status == 200
            return
        with self.tally.lock:
            self.tally.submissions.append(int(found))
        deadline = time.monotonic() + 60
        while wait and "data-graded" not in fragment and time.monotonic() < deadline:
            if delay := DELAY_RE.search(fragment):  # as the page does: every place to wait was taken
                time.sleep(int(delay.group(1)))
            status, fragment, _ = self.request("GET", wait.group(1), headers={"HX-Request": "true"})
        if "data-graded" in fragment:
            with self.tally.lock:
                self.tally.verdict_ms.append((time.perf_counter() - started) * 1000)

    def run(self, deadline: float) -> None:
        actions = [(self.browse, 40), (self.search, 20), (self.practise, 25), (self.submit, 15)]
        while time.monotonic() < deadline:
            action = random.choices([a for a, _ in actions], weights=[w for _, w in actions])[0]
            try:
                action()
            except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the test
                with self.tally.lock:
                    self.tally.errors[f"{action.__name__}: {type(exc).__name__}: {exc}"[:120]] += 1
            with self.tally.lock:
                self.tally.actions[action.__name__] += 1
            time.sleep(random.uniform(0, 0.1))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--users", type=int, default=64)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PYPREP_BENCH_PORT", "8471")) + 2)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="pyprep-load-"))
    var = work / "var"
    services = bool(os.environ.get("DATABASE_URL"))
    engine = "PostgreSQL + Redis" if services else "SQLite"
    if not services:
        copy_sqlite_site(ROOT / "var", var)
    env = site_env(var)
    stack = Stack(port=args.port, env=env, judge=True, log_dir=work)
    if services:
        stack.manage("migrate", "--noinput", "-v0")
        stack.manage("load_content")
    setup = rows(env, "setup", str(args.users))
    tally = Tally()
    try:
        stack.start()
        users = [
            User(i, args.port, account["cookie"], tally, setup["challenges"])
            for i, account in enumerate(setup["accounts"])
        ]
        deadline = time.monotonic() + args.seconds
        threads = [threading.Thread(target=user.run, args=(deadline,)) for user in users]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        drained = rows(env, "drain", "60")
        counts = rows(
            env,
            "count",
            stdin=json.dumps({"rated_items": tally.rated_items, "submissions": tally.submissions}),
        )
    finally:
        stack.stop()

    verdicts = sorted(tally.verdict_ms)
    p50 = verdicts[len(verdicts) // 2] if verdicts else float("nan")
    errors = sum(tally.errors.values())
    lost = (
        counts["ratings_with_a_review"] != counts["ratings_acknowledged"]
        or counts["reviews_of_load_users"] != counts["ratings_acknowledged"]
        or counts["submissions_with_a_verdict"] != counts["submissions_accepted"]
        or counts["jobs_left_pending"]
    )
    print(
        f"load test on {engine}: {args.users} users for {args.seconds} s ({elapsed:.0f} s with the last requests)"
    )
    print(f"  requests {tally.requests} ({tally.requests / elapsed:.0f}/s); actions {dict(tally.actions)}")
    print(f"  ratings acknowledged {counts['ratings_acknowledged']}, with a Review {counts['ratings_with_a_review']}, "
          f"Reviews of the load users {counts['reviews_of_load_users']}")  # fmt: skip
    print(f"  submissions accepted {counts['submissions_accepted']} (refused politely: {tally.refused}), "
          f"with a verdict {counts['submissions_with_a_verdict']} "
          f"(judge_error {counts['submissions_judge_error']}), submit->verdict p50 {p50:.0f} ms under load")  # fmt: skip
    print(
        f"  judge jobs left pending {counts['jobs_left_pending']} (after drain: {drained['unfinished_jobs']})"
    )
    print(f"  errors {errors}" + "".join(f"\n    {n} x {what}" for what, n in tally.errors.most_common(8)))
    print(f"  => {'NOTHING LOST' if not lost and not errors else 'SOMETHING WAS LOST OR FAILED'}")
    return 0 if not lost and not errors else 1


if __name__ == "__main__":
    raise SystemExit(main())

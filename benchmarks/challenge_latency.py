"""Median time from "Submit" to verdict on a running site (web server + judge consumer), over real HTTP.

    make run    # or: manage.py runserver + manage.py judge, with the challenges loaded
    uv run python benchmarks/challenge_latency.py --url http://127.0.0.1:8000 --runs 30

It signs in a benchmark user by creating a session in the site's database (the script needs the same
settings and DATABASE_URL as the site), submits the reference solution of a challenge, and does what the page
does: the Submit request itself waits for the verdict (up to CHALLENGES_SUBMIT_WAIT_SECONDS) and usually
answers with it; otherwise it follows the pending fragment's hx-get at once, a long-poll the server answers
when the judge announces the verdict. Reported: p50/p95/max in milliseconds.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")

import django  # noqa: E402

django.setup()

from importlib import import_module  # noqa: E402

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402

from pyprep.challenges.models import Challenge, Submission  # noqa: E402

RESULT_RE = re.compile(r'hx-get="(/challenges/submissions/\d+/(?:wait/)?)"')
GRADED_RE = re.compile(r'data-graded="true"')
VERDICT_RE = re.compile(r'data-verdict="([a-z_]*)"')
SUBMISSION_RE = re.compile(r'data-submission="(\d+)"')
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _session_cookie() -> str:
    user, _ = get_user_model().objects.get_or_create(username="latency-benchmark")
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "pyprep.accounts.backends.AccountBackend"  # as a log-in sets it
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return str(session.session_key)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--slug", default="two-sum-indices")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--poll", type=float, default=0.0, help="seconds before following hx-get (the page: 0)"
    )
    parser.add_argument(
        "--interval",
        type=float,
        default=3.2,
        help="seconds between submits, to stay under the per-IP rate limit",
    )
    args = parser.parse_args()

    if urllib.parse.urlparse(args.url).scheme not in ("http", "https"):
        parser.error("--url must be http:// or https://")
    challenge = Challenge.objects.select_related("question").get(question__slug=args.slug)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    host = urllib.parse.urlparse(args.url).hostname or "127.0.0.1"
    jar.set_cookie(
        http.cookiejar.Cookie(
            0, settings.SESSION_COOKIE_NAME, _session_cookie(), None, False, host, False, False, "/", True,
            False, None, False, None, None, {},
        )
    )  # fmt: skip
    page_url = f"{args.url}/challenges/{args.slug}/"
    page = opener.open(page_url, timeout=10).read().decode()
    match = CSRF_RE.search(page)
    if match is None or 'id="submit-button"' not in page:
        print("could not open the challenge page signed in", file=sys.stderr)
        return 1
    token = match.group(1)

    timings: list[float] = []
    server: list[float] = []
    own_run: list[float] = []
    verdicts: list[str] = []
    answered_by_submit = 0
    for run in range(args.runs):
        if run:
            time.sleep(args.interval)
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "kind": "submit", "code": challenge.reference_solution}
        ).encode()
        request = urllib.request.Request(  # noqa: S310 - the URL scheme is checked at start
            f"{page_url}submit/", data=body, headers={"HX-Request": "true", "Referer": page_url}
        )
        started = time.perf_counter()
        fragment = opener.open(request, timeout=10).read().decode()
        found = RESULT_RE.search(fragment)
        while found and not GRADED_RE.search(fragment):
            if args.poll:
                time.sleep(args.poll)
            fragment = opener.open(f"{args.url}{found.group(1)}", timeout=10).read().decode()
            if time.perf_counter() - started > 60:
                print("no verdict within 60 s: is the judge running?", file=sys.stderr)
                return 1
        verdict = VERDICT_RE.search(fragment)
        if verdict is None:
            print(
                f"submit {run + 1} was refused: {re.sub(r'<[^>]+>', ' ', fragment).split()[:30]}",
                file=sys.stderr,
            )
            return 1
        timings.append((time.perf_counter() - started) * 1000)
        verdicts.append(verdict.group(1))
        if found is None:
            answered_by_submit += 1
        graded = SUBMISSION_RE.search(fragment)
        if graded:
            # Server side: from the submission's row to its verdict (web + queue + judge), without the page.
            row = Submission.objects.get(pk=int(graded.group(1)))
            if row.finished_at and row.created_at:
                server.append((row.finished_at - row.created_at).total_seconds() * 1000)
            if row.runtime_ms is not None:
                own_run.append(row.runtime_ms)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    print(
        f"challenge {args.slug}: {args.runs} submits, {answered_by_submit} answered by the Submit request itself, "
        "the others by the result fragment's long-poll (verdict push)"
    )
    print(f"verdicts: {', '.join(sorted(set(verdicts)))}")
    print(
        f"submit -> verdict  p50 {statistics.median(timings):.0f} ms   p95 {p95:.0f} ms   max {timings[-1]:.0f} ms"
    )
    if server:
        print(
            f"of which the judge (row created -> verdict stored) p50 {statistics.median(server):.0f} ms; "
            f"the page learns the verdict {statistics.median(timings) - statistics.median(server):.0f} ms "
            "later (p50 difference: request, push, response)"
        )
    if own_run:
        print(
            f"of which the submission's own sandbox job (its tests, Submission.runtime_ms) p50 "
            f"{statistics.median(own_run):.0f} ms; the reference was run ahead (or beside it, when none was ready)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

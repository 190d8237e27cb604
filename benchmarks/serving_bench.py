"""The serving table: nginx serving saved copies of pages vs the site serving them, side by side in one run.

    uv run python benchmarks/serving_bench.py [--server gunicorn|granian] [--seconds 8] [--connections 64]
        [--configs 3x8,2x4,3x2x2]   # several web-server configurations, side by side in the same run

A configuration is WORKERSxTHREADS[xBACKPRESSURE][:OPTION+OPTION] (granian's --workers, --blocking-threads,
--backpressure; options: st/mt = --runtime-mode, http1/httpauto = --http 1/auto, nofreeze =
PYPREP_GC_FREEZE=0, the collector as before config/wsgi.py froze the heap); without --configs the site runs
as scripts/serve runs it.
--rounds N runs the whole list N times (configurations interleaved, so the machine's load falls on each alike).

The site runs as `make run` runs it (production settings, the chosen server) on a private copy of var/'s
SQLite database (content loaded by `make content`). For each page the site's response is saved to a file that
nginx serves, then wrk loads nginx and the site in turn with the same connections and duration. Figures,
not pass/fail: the targets are printed beside them.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.stack import ROOT, Stack, copy_sqlite_site, cpu_count, site_env  # noqa: E402

NGINX_CONF = """
worker_processes auto;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {work}/tmp; proxy_temp_path {work}/tmp; fastcgi_temp_path {work}/tmp;
  uwsgi_temp_path {work}/tmp; scgi_temp_path {work}/tmp;
  keepalive_requests 100000;
  server {{
    listen 127.0.0.1:{port};
    root {work}/www;
    location / {{ default_type text/html; }}
    location ~ \\.json$ {{ default_type application/json; }}
  }}
}}
"""


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    min_rps: float | None
    logged_in: bool = False


@dataclass(frozen=True)
class WrkResult:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int


def _ms(value: str) -> float:
    found = re.match(r"([\d.]+)(us|ms|s|m)$", value)
    if found is None:  # wrk prints "-nan" or nothing when every request timed out
        return float("nan")
    return float(found.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[found.group(2)]


def wrk(url: str, *, seconds: int, connections: int, cookie: str = "") -> WrkResult:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    # Anchored: the thread stats above the distribution also end in "...50%" or "...99%".
    p50 = _ms(found.group(1)) if (found := re.search(r"^\s+50%\s+(\S+)", out, re.M)) else float("nan")
    p99 = _ms(found.group(1)) if (found := re.search(r"^\s+99%\s+(\S+)", out, re.M)) else float("nan")
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    errors = 0
    if found := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(found.group(1))
    if found := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(n) for n in found.groups())
    return WrkResult(rps, p50, p99, errors, requests)


def fetch(url: str, cookie: str = "") -> bytes:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - a cold page on a busy machine
        return response.read()


def practice_cookie(env: dict[str, str]) -> tuple[str, str]:
    """A signed-in benchmark user with a practice session whose first card is revealed: (cookie, path)."""
    script = """
import django; django.setup()
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from benchmarks.stack import revealed_practice_card
user, card_path = revealed_practice_card(username="serving-benchmark")
store = import_module(settings.SESSION_ENGINE).SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = "pyprep.accounts.backends.AccountBackend"
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.create()
print(f"{settings.SESSION_COOKIE_NAME}={store.session_key}", card_path)
"""
    out = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return out[-2], out[-1]


# Options a configuration may add after a colon, joined by "+": granian's flags, and the site's own switches.
CONFIG_OPTIONS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "st": (("--runtime-mode", "st"), {}),  # granian: single-threaded Rust runtimes
    "mt": (("--runtime-mode", "mt"), {}),
    "http1": (("--http", "1"), {}),  # granian: HTTP/1 only
    "httpauto": (
        ("--http", "auto"),
        {},
    ),  # granian's default (scripts/serve): HTTP/1 or HTTP/2, per connection
    "nofreeze": ((), {"PYPREP_GC_FREEZE": "0"}),  # config/wsgi.py: the collector scans the whole heap
}


@dataclass(frozen=True)
class ServerConfig:
    workers: int
    threads: int
    backpressure: int | None = None
    options: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> ServerConfig:
        shape, _, options = text.partition(":")
        numbers = [int(part) for part in shape.lower().split("x")]
        if len(numbers) not in (2, 3) or min(numbers) < 1:
            raise argparse.ArgumentTypeError(
                f"{text!r}: write WORKERSxTHREADS[xBACKPRESSURE][:OPTION+OPTION], e.g. 3x8:st+nofreeze"
            )
        chosen = tuple(option for option in options.split("+") if option)
        unknown = set(chosen) - set(CONFIG_OPTIONS)
        if unknown:
            raise argparse.ArgumentTypeError(f"{text!r}: options are {', '.join(CONFIG_OPTIONS)}")
        backpressure = numbers[2] if len(numbers) == 3 else None
        return cls(numbers[0], numbers[1], backpressure, chosen)

    @property
    def server_args(self) -> tuple[str, ...]:
        return tuple(arg for option in self.options for arg in CONFIG_OPTIONS[option][0])

    def env(self, base: dict[str, str]) -> dict[str, str]:
        return {**base, **{k: v for option in self.options for k, v in CONFIG_OPTIONS[option][1].items()}}

    def __str__(self) -> str:
        return (
            f"{self.workers}x{self.threads}"
            + (f" bp{self.backpressure}" if self.backpressure else "")
            + (f" {'+'.join(self.options)}" if self.options else "")
        )


def _save_pages(stack: Stack, work: Path, cookie: str, card_path: str) -> list[Target]:
    """The pages to load, each saved once (as the site served it) for nginx to serve."""
    slug = re.search(rb'href="/questions/([a-z0-9-]+)/', fetch(f"{stack.url}/questions/?kind=concept"))
    assert slug, "no question on the list: run `make content` first"
    targets = [
        Target("question page (anonymous)", f"/questions/{slug.group(1).decode()}/", 0.05),
        Target("question list (anonymous)", "/questions/", 0.05),
        Target("JSON search", "/api/questions?q=generator", None),
        Target("practice card (logged in)", card_path, None, logged_in=True),
    ]
    for index, target in enumerate(targets):
        saved = work / "www" / f"{index}.{'json' if 'api' in target.path else 'html'}"
        saved.write_bytes(fetch(stack.url + target.path, cookie if target.logged_in else ""))
        os.chmod(saved, 0o644)
    return targets


def _measure(
    stack: Stack,
    target: Target,
    index: int,
    config: ServerConfig,
    nginx_port: int,
    cookie: str,
    args: argparse.Namespace,
) -> None:
    """nginx, then the site, on one page: one row of the table."""
    ext = "json" if "api" in target.path else "html"
    cookie_for = cookie if target.logged_in else ""
    wrk(stack.url + target.path, seconds=1, connections=args.connections, cookie=cookie_for)  # warm
    static = wrk(
        f"http://127.0.0.1:{nginx_port}/{index}.{ext}", seconds=args.seconds, connections=args.connections
    )
    site = wrk(stack.url + target.path, seconds=args.seconds, connections=args.connections, cookie=cookie_for)
    goal = {
        "JSON search": "≥ 500/s, p99 ≤ 100 ms",
        "practice card (logged in)": "≥ 300/s, p99 ≤ 100 ms",
    }.get(target.name, "≥ 0.05× nginx, p99 ≤ 100 ms")
    print(
        f"| {target.name} | {config} | {static.rps:,.0f} | {static.p99_ms:.1f} | {site.rps:,.0f} "
        f"| {site.p50_ms:.1f} | {site.p99_ms:.1f} | {site.rps / static.rps:.3f}× | {site.errors} | {goal} "
        f"| {os.getloadavg()[0]:.1f} |",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--server", choices=["gunicorn", "granian"], default="granian")
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--threads", type=int, default=4, help="threads per web worker (scripts/serve: 4)")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--configs",
        type=lambda text: [ServerConfig.parse(part) for part in text.split(",")],
        default=None,
        help="web-server configurations to compare, e.g. 3x8,2x4,3x2x2,3x8:st+nofreeze (workers x threads "
        "[x backpressure] [:options: " + ", ".join(CONFIG_OPTIONS) + "])",
    )
    parser.add_argument("--warm-seconds", type=int, default=3, help="each page, before any is measured")
    parser.add_argument("--rounds", type=int, default=1, help="run the configurations this many times")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PYPREP_BENCH_PORT", "8471")))
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="pyprep-serving-"))
    os.chmod(work, 0o755)  # noqa: S103 - nginx workers run as nobody and read the saved pages
    (work / "www").mkdir(mode=0o755)
    (work / "tmp").mkdir()
    var = work / "var"
    copy_sqlite_site(ROOT / "var", var)
    env = site_env(var)
    cookie, card_path = practice_cookie(env)
    configs = args.configs or [ServerConfig(cpu_count() + 1, args.threads)]
    nginx_port = args.port + 1
    nginx = None
    print(
        f"serving: {args.server} vs nginx, wrk {args.connections} connections x {args.seconds} s each, "
        f"{os.cpu_count()} cores, same run; configurations (workers x threads [backpressure]): "
        + ", ".join(str(config) for config in configs)
    )
    print()
    print(
        "| page | server | nginx req/s | nginx p99 ms | site req/s | site p50 ms | site p99 ms | site/nginx "
        "| errors | target | load |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|", flush=True)
    try:
        for config in configs * args.rounds:
            stack = Stack(
                port=args.port,
                env=config.env(env),
                server=args.server,
                workers=config.workers,
                threads=config.threads,
                backpressure=config.backpressure,
                extra_args=config.server_args,
                judge=False,
                log_dir=work,
            )
            try:
                stack.start()
                if nginx is None:
                    targets = _save_pages(stack, work, cookie, card_path)
                    (work / "nginx.conf").write_text(NGINX_CONF.format(work=work, port=nginx_port))
                    nginx = subprocess.Popen(
                        ["nginx", "-c", str(work / "nginx.conf"), "-p", str(work)],
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                    time.sleep(0.5)
                # Every worker past its start-up (lazy imports, first renders, the search vectors, the heap
                # freeze after its first requests) before anything is measured: the targets are about a
                # site that has been up for a while.
                for target in targets:
                    wrk(
                        stack.url + target.path,
                        seconds=args.warm_seconds,
                        connections=args.connections,
                        cookie=cookie if target.logged_in else "",
                    )
                for index, target in enumerate(targets):
                    _measure(stack, target, index, config, nginx_port, cookie, args)
            finally:
                stack.stop()
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

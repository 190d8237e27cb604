"""`make bench`: the judge's tiers side by side with a bare interpreter start, printed as Markdown tables.

Workloads: (a) a trivial program, (b) a submission with 10 tests. For each runner and workload: p50/p95
latency of single jobs, and p50/p95 and jobs per second at concurrency 2 and 8.

Then the forkserver against the bare interpreter, alternated: `--rounds` rounds, each running `--batch` jobs of
bare python, then the same of each forkserver variant, at concurrency 1 and 2; medians of the rounds' jobs/s,
the ratio, and CPU ms per job counted for the runner's own processes only (the bare interpreters' rusage; the
sandbox's cgroup `cpu.stat` plus this process), so other load on a shared machine is left out of that column.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pyprep.judge.protocol import Job  # noqa: E402
from pyprep.judge.sandbox import Sandbox, SandboxUnavailable, choose_interpreter  # noqa: E402

TRIVIAL = "print('hello')\n"
SOLUTION = """
from collections import OrderedDict

class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()

    def get(self, key):
        if key not in self.data:
            return -1
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.capacity:
            self.data.popitem(last=False)
"""
TESTS = "from solution import LRUCache\n" + "".join(
    f"""
def test_{i}():
    cache = LRUCache({i + 1})
    for k in range({i + 3}):
        cache.put(k, k * k)
    return [cache.get(k) for k in range({i + 3})]
"""
    for i in range(10)
)
# The same work without a judge: what a bare interpreter needs to import and run it.
BARE_TESTS = (
    SOLUTION
    + TESTS.replace("from solution import LRUCache\n", "")
    + "\nfor i in range(10):\n    globals()[f'test_{i}']()\n"
)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def busy_seconds() -> float:
    """CPU time the whole machine has spent not idle since boot (all processes and the kernel)."""
    with open("/proc/stat") as handle:
        fields = [int(value) for value in handle.readline().split()[1:9]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def measure(run_one: Callable[[], None], *, concurrency: int, jobs: int) -> tuple[float, float, float, float]:
    """p50 and p95 latency in ms, jobs per second, and the machine's busy CPU ms per job (everything that
    ran meanwhile, other load included: meaningful on an otherwise idle machine only)."""
    latencies: list[float] = []

    def timed(_: int) -> None:
        started = time.perf_counter()
        run_one()
        latencies.append((time.perf_counter() - started) * 1000.0)

    for _ in range(min(10, jobs)):  # warm-up
        run_one()
    started, busy = time.perf_counter(), busy_seconds()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(timed, range(jobs)))
    elapsed, busy = time.perf_counter() - started, busy_seconds() - busy
    return percentile(latencies, 0.5), percentile(latencies, 0.95), jobs / elapsed, busy * 1000.0 / jobs


def bare_runner(source: str) -> Callable[[], None]:
    python = choose_interpreter(for_other_users=True).path  # the interpreter the judge itself runs jobs with

    def run_one() -> None:
        subprocess.run([python, "-I", "-S", "-c", source], check=True, stdout=subprocess.DEVNULL, env={})

    return run_one


def sandbox_runner(sandbox: Sandbox, job: Job) -> Callable[[], None]:
    def run_one() -> None:
        result = sandbox.run(job)
        if result.status != "ok":
            raise RuntimeError(f"benchmark job failed: {result}")

    return run_one


def judged(sandbox: Sandbox) -> Callable[[str, Job], Callable[[], None]]:
    def make(_source: str, job: Job) -> Callable[[], None]:
        return sandbox_runner(sandbox, job)

    return make


def own_cpu_ms(cgroup: Path | None) -> float:
    """CPU ms used so far by this process, its waited-for children, and the sandbox's cgroup (if any)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += (usage.ru_utime + usage.ru_stime) * 1000.0
    if cgroup is not None:
        for line in (cgroup / "cpu.stat").read_text().splitlines():
            key, _, value = line.partition(" ")
            if key == "usage_usec":
                total += int(value) / 1000.0
    return total


def alternated(
    runners: dict[str, tuple[Callable[[str, Job], Callable[[], None]], Path | None]],
    workloads: dict[str, tuple[str, Job]],
    *,
    rounds: int,
    batch: int,
) -> list[str]:
    """Each runner in turn, `rounds` times, at concurrency 1 and 2: median jobs/s, ratio to the first runner,
    and median CPU ms per job of the runner's own processes."""
    rows = []
    for label, (bare_source, job) in workloads.items():
        for concurrency in (1, 2):
            rates: dict[str, list[float]] = {name: [] for name in runners}
            cpu: dict[str, list[float]] = {name: [] for name in runners}
            made = {name: make(bare_source, job) for name, (make, _) in runners.items()}
            for run_one in made.values():
                for _ in range(5):
                    run_one()
            for _ in range(rounds):
                for name, run_one in made.items():
                    cgroup = runners[name][1]
                    before = own_cpu_ms(cgroup)
                    _, _, rate, _ = measure(run_one, concurrency=concurrency, jobs=batch)
                    cpu[name].append((own_cpu_ms(cgroup) - before) / (batch + min(10, batch)))
                    rates[name].append(rate)
            first = statistics.median(next(iter(rates.values())))
            for name in runners:
                rate = statistics.median(rates[name])
                rows.append(
                    f"| {name} | {label} | {concurrency} | {rate:.0f} | {rate / first:.2f} "
                    f"| {statistics.median(cpu[name]):.1f} | {min(rates[name]):.0f}–{max(rates[name]):.0f} |"
                )
                print(rows[-1], file=sys.stderr, flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=300, help="jobs per measurement at concurrency 2 and 8")
    parser.add_argument("--single", type=int, default=100, help="jobs for the one-at-a-time latency")
    parser.add_argument("--tiers", default="forkserver,forkserver-userns,bwrap")
    parser.add_argument(
        "--rounds", type=int, default=7, help="alternated rounds against bare python (0: skip)"
    )
    parser.add_argument("--batch", type=int, default=60, help="jobs per runner per alternated round")
    parser.add_argument("--table", default="yes", choices=["yes", "no"], help="the full table first")
    args = parser.parse_args()

    workloads = {
        "a trivial": (TRIVIAL, Job(source=TRIVIAL)),
        "b 10 tests": (BARE_TESTS, Job(source=SOLUTION, tests=TESTS)),
    }
    rows: list[str] = []

    def add_rows(name: str, make: Callable[[str, Job], Callable[[], None]]) -> None:
        for label, (bare_source, job) in workloads.items():
            run_one = make(bare_source, job)
            p50_1, p95_1, _, _ = measure(run_one, concurrency=1, jobs=args.single)
            cells = [name, label, f"{p50_1:.1f}", f"{p95_1:.1f}"]
            for concurrency in (2, 8):
                p50, p95, rate, cpu = measure(run_one, concurrency=concurrency, jobs=args.jobs)
                cells += [f"{p50:.1f}", f"{p95:.1f}", f"{rate:.0f}"]
                if concurrency == 2:
                    cells.append(f"{cpu:.1f}")
            rows.append("| " + " | ".join(cells) + " |")
            print(rows[-1], file=sys.stderr, flush=True)

    if args.table == "yes":
        add_rows("bare `python3 -I -S -c`", lambda source, _job: bare_runner(source))
    sandboxes: dict[str, Sandbox] = {}
    for variant in args.tiers.split(","):
        tier = variant.split("-")[0]
        run_as = (64190, 64190) if variant == "forkserver-userns" else None
        if run_as and os.geteuid() != 0:
            continue
        try:
            sandbox = Sandbox.start(tier=tier, slots=8, run_as=run_as)
        except SandboxUnavailable as exc:
            rows.append(f"| {variant} | unavailable: {exc} | | | | | | | | | |")
            continue
        sandboxes[variant] = sandbox
        if args.table == "yes":
            add_rows(variant, lambda _source, job, sandbox=sandbox: sandbox_runner(sandbox, job))  # type: ignore[misc]
    ratio_rows: list[str] = []
    if args.rounds:
        runners: dict[str, tuple[Callable[[str, Job], Callable[[], None]], Path | None]] = {
            "bare `python3 -I -S -c`": (lambda source, _job: bare_runner(source), None)
        }
        for variant, sandbox in sandboxes.items():
            if variant.startswith("forkserver"):
                cgroup = Path(sandbox.cgroup) if sandbox.cgroup else None
                runners[variant] = (judged(sandbox), cgroup)
        load_before = os.getloadavg()[0]
        ratio_rows = alternated(runners, workloads, rounds=args.rounds, batch=args.batch)
    for sandbox in sandboxes.values():
        sandbox.close()

    print(
        f"\nJudge benchmark on {platform.node()}: {os.cpu_count()} cores, Linux {platform.release()}, "
        f"load average {os.getloadavg()[0]:.1f} at the end; jobs run by {choose_interpreter(for_other_users=True).path}"
    )
    print(
        f"{args.single} sequential jobs, then {args.jobs} jobs at each concurrency; latencies in ms; CPU ms/job "
        "is the whole machine's busy time during the c=2 run divided by the jobs.\n"
    )
    print(
        "| runner | workload | c=1 p50 | c=1 p95 | c=2 p50 | c=2 p95 | c=2 jobs/s | c=2 CPU ms/job "
        "| c=8 p50 | c=8 p95 | c=8 jobs/s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(row)
    if ratio_rows:
        print(
            f"\nAlternated: {args.rounds} rounds of {args.batch} jobs per runner; medians; load average "
            f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after. CPU ms/job: the runner's own processes.\n"
        )
        print("| runner | workload | concurrency | jobs/s | × bare | CPU ms/job | jobs/s range |")
        print("|---|---|---|---|---|---|---|")
        for row in ratio_rows:
            print(row)


if __name__ == "__main__":
    main()

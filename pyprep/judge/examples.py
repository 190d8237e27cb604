"""Run the bank's own example programs (trusted, but they must not hang or flood) through the judge."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

from pyprep.judge.protocol import Job, Limits, RunResult
from pyprep.judge.sandbox import Sandbox

EXAMPLE_LIMITS = Limits(cpu_seconds=5.0, wall_seconds=10.0, memory_mb=256)


def run_examples(sources: list[str], *, slots: int | None = None) -> list[RunResult]:
    """Each source run as a program, in order; one sandbox for the batch, `slots` jobs at a time."""
    if not sources:
        return []
    slots = slots or os.cpu_count() or 2
    jobs = [Job(source=source, limits=EXAMPLE_LIMITS, trusted=True) for source in sources]
    with Sandbox.start(slots=slots) as sandbox, ThreadPoolExecutor(max_workers=slots) as pool:
        return list(pool.map(sandbox.run, jobs))

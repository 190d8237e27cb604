"""Run trusted bank examples. Temporary subprocess runner until the sandbox lands (the judge replaces it)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass


@dataclass(frozen=True)
class _Result:
    status: str
    stdout: str
    traceback: str
    duration_ms: float


def _run(source: str) -> _Result:
    started = time.monotonic()
    try:
        proc = subprocess.run(  # noqa: S603 - trusted bank examples only
            [sys.executable, "-I", "-S", "-B", "-c", source],
            capture_output=True,
            text=True,
            timeout=10,
            env={"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"},
        )
    except subprocess.TimeoutExpired:
        return _Result("time_limit", "", "", (time.monotonic() - started) * 1000)
    status = "ok" if proc.returncode == 0 else "runtime_error"
    return _Result(status, proc.stdout, proc.stderr, (time.monotonic() - started) * 1000)


def run_examples(sources: list[str], *, slots: int | None = None) -> list[_Result]:
    with ThreadPoolExecutor(max_workers=slots or os.cpu_count() or 2) as pool:
        return list(pool.map(_run, sources))

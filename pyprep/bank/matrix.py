"""Run the bank's own programs (examples and checks) on other CPython versions; no ORM here.

The judge's sandbox runs only the judge's interpreter. The content is the project's own, reviewed like its
tests, so on the other versions each program runs as a plain child process — isolated mode, an empty
working directory, a time and memory limit and a cap on what it may print — never in a web process.
"""

from __future__ import annotations

import resource
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_SECONDS = 20.0
MEMORY_BYTES = 1024 * 1024 * 1024
OUTPUT_LIMIT = 64 * 1024


@dataclass(frozen=True, slots=True)
class ProgramRun:
    ok: bool  # exited 0 within its limits
    stdout: str
    error: str  # the last lines of stderr, or why it was stopped


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def program_run(*, python: Path, source: str) -> ProgramRun:
    with tempfile.TemporaryDirectory(prefix="pyprep-verify-") as workdir:
        try:
            done = subprocess.run(  # noqa: S603 - an interpreter we found, the bank's own program, no shell
                [str(python), "-I", "-X", "utf8", "-c", source],
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                cwd=workdir,
                env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONHASHSEED": "0"},
                preexec_fn=_limit_memory,  # noqa: PLW1509 - no threads are started before this in the child
                check=False,
            )
        except subprocess.TimeoutExpired:
            return ProgramRun(False, "", f"(stopped after {TIMEOUT_SECONDS:.0f} s)")
    stderr_tail = "\n".join(done.stderr.strip().splitlines()[-12:])
    status = "ok" if done.returncode == 0 else f"exit status {done.returncode}"
    return ProgramRun(done.returncode == 0, done.stdout[:OUTPUT_LIMIT], f"({status})\n{stderr_tail}".strip())


def programs_run(*, python: Path, sources: Sequence[str], workers: int = 2) -> list[ProgramRun]:
    """Each source run on `python`, results in order, `workers` at a time."""
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(lambda source: program_run(python=python, source=source), sources))

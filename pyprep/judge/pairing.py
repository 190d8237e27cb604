"""A submission and the reference solution on the same fresh seed, in two separate jobs. Pure: no Django.

Grading the pair (comparing outside the sandbox) is the challenges app's: `challenges.grading.grade_paired`.

The expected observations of generated test cases are never stored: they come from running the reference
on the seed this submission drew, in a job of its own, so a submission cannot learn or forge them.
"""

from __future__ import annotations

import logging
import secrets
import threading
from dataclasses import dataclass, replace
from typing import Protocol

from pyprep.judge.protocol import Job, RunResult

log = logging.getLogger("pyprep.judge")

SEED_BITS = 63


class Runner(Protocol):
    def run(self, job: Job) -> RunResult: ...


@dataclass(frozen=True)
class Paired:
    seed: int
    result: RunResult
    reference: RunResult


def seed_draw() -> int:
    return secrets.randbits(SEED_BITS)


def run_paired(runner: Runner, *, job: Job, reference: str, seed: int | None = None) -> Paired:
    """Draw a seed (unless given), run the reference on it as a trusted job beside the submission.

    With generated cases the reference observes only those (`fixed=False`): its fixed tests do not depend on
    the seed, and their observations were stored at content load (`grade_paired` takes them). Without cases
    it runs the fixed tests. The two jobs run at once, in two slots of the runner (a `Sandbox` is a
    thread-safe pool; with one free slot they run one after the other), so the verdict waits for the longer
    of the two instead of their sum.
    """
    chosen = seed_draw() if seed is None else seed
    reference_job = replace(job, source=reference, seed=chosen, trusted=True, fixed=job.cases <= 0)
    reference_result: list[RunResult] = []

    def run_reference() -> None:
        try:
            reference_result.append(runner.run(reference_job))
        except Exception:
            log.exception("judge: the reference job could not be run")

    beside = threading.Thread(target=run_reference, name="judge-reference", daemon=True)
    beside.start()
    try:
        result = runner.run(replace(job, seed=chosen))
    finally:
        beside.join()
    if not reference_result:  # the runner raised (logged above; a Sandbox returns judge_error instead)
        failed = RunResult(status="judge_error", traceback="The reference solution could not be run.")
        return Paired(seed=chosen, result=result, reference=failed)
    return Paired(seed=chosen, result=result, reference=reference_result[0])

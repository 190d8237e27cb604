"""A submission and the reference solution on the same fresh seed, in two separate jobs. Pure: no Django.

The expected observations of generated test cases are never stored: they come from running the reference
on the seed this submission drew, in a job of its own, so a submission cannot learn or forge them.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, replace
from typing import Protocol

from pyprep.judge.grading import ReferenceFailed, Verdict, expectations, grade
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
    """Draw a seed (unless given), run the reference on it as a trusted job, then the submission."""
    chosen = seed_draw() if seed is None else seed
    reference_job = replace(job, source=reference, seed=chosen, trusted=True)
    reference_result = runner.run(reference_job)
    result = runner.run(replace(job, seed=chosen))
    return Paired(seed=chosen, result=result, reference=reference_result)


def grade_paired(paired: Paired, *, visible: set[str]) -> Verdict:
    """The submission's verdict against the reference's observations on the same inputs.

    A reference that failed is the judge's problem, never the candidate's: judge_error.
    """
    try:
        expected = expectations(paired.reference)
    except ReferenceFailed as exc:
        log.error("judge: the reference failed on seed %s: %s", paired.seed, exc)
        return Verdict(
            verdict="judge_error",
            tests=(),
            summary="Judge error: the reference solution could not be run on this submission's inputs",
            traceback="",  # the reference's failure is logged by the judge, never shown
        )
    return grade(paired.result, expected, visible=visible)

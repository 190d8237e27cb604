"""A submission and the reference solution on the same fresh seed, in two separate jobs. Pure: no Django.

Grading the pair (comparing outside the sandbox) is the challenges app's: `challenges.grading.grade_paired`.

The expected observations of generated test cases are never stored: they come from running the reference
on the seed this submission drew, in a job of its own, so a submission cannot learn or forge them.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from typing import Protocol

from pyprep.judge.protocol import Job, RunResult

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

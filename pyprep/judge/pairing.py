"""A submission and the reference solution on the same fresh seed, in two separate jobs. Pure: no Django.

Grading the pair (comparing outside the sandbox) is the challenges app's: `challenges.grading.grade_paired`.

The expected observations of generated test cases are never stored: they come from running the reference
on the seed this submission drew, in a job of its own, so a submission cannot learn or forge them.

A `ReferencePool` keeps, per reference job, one reference run made ahead on a seed drawn for the next Submit
and never used for anything else: that Submit runs only its own job, and the reference is run again (for the
Submit after it) once its verdict is out. The seed is still secret, fresh and used once; it is drawn before
the submission arrives instead of after.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import threading
from collections import OrderedDict
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


def reference_job(*, job: Job, reference: str, seed: int) -> Job:
    """The reference's own job for a submission's `job`: trusted, on `seed`, generated cases only if any."""
    return replace(job, source=reference, seed=seed, trusted=True, fixed=job.cases <= 0)


@dataclass(frozen=True)
class Prepared:
    """A reference run made ahead, on a seed no job has seen yet."""

    seed: int
    reference: RunResult


class ReferencePool:
    """One prepared reference run per reference job (its source, tests, limits, cases), each taken once.

    Held in the judge's memory only, per sandbox; `capacity` reference jobs are kept, the least recently used
    dropped first. Thread-safe. Only a run that finished `ok` is kept: a reference that failed is run again
    beside the submission, which reports it as it always did.
    """

    def __init__(self, *, capacity: int = 256) -> None:
        self.capacity = capacity
        self._ready: OrderedDict[str, Prepared] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def _key(job: Job) -> str:
        text = json.dumps(replace(job, seed=0, nonce="").to_dict(), sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def take(self, *, job: Job, reference: str) -> Prepared | None:
        """The prepared run for this submission's reference, removed so no other submission gets its seed."""
        with self._lock:
            return self._ready.pop(self._key(reference_job(job=job, reference=reference, seed=0)), None)

    def prepare(self, runner: Runner, *, job: Job, reference: str) -> bool:
        """Run the reference on a fresh seed for the next Submit like `job`; True if kept. Never raises."""
        key = self._key(reference_job(job=job, reference=reference, seed=0))
        with self._lock:
            if key in self._ready:  # two Submits at once: the one that missed finds the other's run ready
                return True
        chosen = seed_draw()
        try:
            result = runner.run(reference_job(job=job, reference=reference, seed=chosen))
        except Exception:
            log.exception("judge: a reference could not be prepared")
            return False
        if not result.ok:
            return False
        with self._lock:
            self._ready[key] = Prepared(seed=chosen, reference=result)
            self._ready.move_to_end(key)
            while len(self._ready) > self.capacity:
                self._ready.popitem(last=False)
        return True

    def __len__(self) -> int:
        with self._lock:
            return len(self._ready)


def run_paired(
    runner: Runner,
    *,
    job: Job,
    reference: str,
    seed: int | None = None,
    pool: ReferencePool | None = None,
) -> Paired:
    """Draw a seed (unless given), run the reference on it as a trusted job beside the submission.

    With generated cases the reference observes only those (`fixed=False`): its fixed tests do not depend on
    the seed, and their observations were stored at content load (`grade_paired` takes them). Without cases
    it runs the fixed tests. The two jobs run at once, in two slots of the runner (a `Sandbox` is a
    thread-safe pool; with one free slot they run one after the other), so the verdict waits for the longer
    of the two instead of their sum.

    With a `pool` holding a prepared run of this reference (and no `seed` given), the submission runs alone
    on that run's seed and the reference is not run again.
    """
    prepared = pool.take(job=job, reference=reference) if pool is not None and seed is None else None
    if prepared is not None:
        result = runner.run(replace(job, seed=prepared.seed))
        return Paired(seed=prepared.seed, result=result, reference=prepared.reference)
    chosen = seed_draw() if seed is None else seed
    beside_job = reference_job(job=job, reference=reference, seed=chosen)
    reference_result: list[RunResult] = []

    def run_reference() -> None:
        try:
            reference_result.append(runner.run(beside_job))
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

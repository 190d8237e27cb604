"""Validate challenges through the judge's sandbox: the reference must be accepted, each wrong solution must
get its stated verdict. Trusted content, run from the load command; no ORM here."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from pyprep.bank.content import ContentError
from pyprep.challenges.spec import GENERATED_CASES, ChallengeSpec
from pyprep.judge.grading import ReferenceFailed, expectations, grade
from pyprep.judge.protocol import GENERATED_PREFIX, Job, Limits, RunResult


class Runner(Protocol):
    def run(self, job: Job) -> RunResult: ...


@dataclass(frozen=True)
class Validated:
    slug: str
    expected: dict[str, Any]


def limits_for(spec: ChallengeSpec) -> Limits:
    return Limits(
        cpu_seconds=spec.cpu_seconds, wall_seconds=max(5.0, spec.cpu_seconds * 3), memory_mb=spec.memory_mb
    )


def validation_seed(spec: ChallengeSpec) -> int:
    """A fixed seed per version of the files, so a load is repeatable; submissions draw their own."""
    return int(spec.content_hash[:15], 16)


def validate_one(spec: ChallengeSpec, runner: Runner) -> tuple[Validated | None, list[ContentError]]:
    """Compute the expected observations from the reference, then check every known-wrong solution.

    Every run includes the generated cases on one seed; the reference also runs on a second seed, which
    must draw other cases (a generator that ignores its rng would make a lookup table pass).
    """
    where = f"{spec.path}/challenge.md"
    limits = limits_for(spec)
    seed = validation_seed(spec)

    def run(source: str, *, on: int = seed) -> RunResult:
        return runner.run(
            Job(
                source=source,
                tests=spec.tests,
                test_names=spec.test_names,
                limits=limits,
                trusted=True,
                seed=on,
                cases=GENERATED_CASES,
            )
        )

    reference = run(spec.solution)
    try:
        expected = expectations(reference)
    except ReferenceFailed as exc:
        return None, [ContentError(f"{spec.path}/solution.py", 1, f"reference solution failed: {exc}")]
    errors: list[ContentError] = []
    generated = [name for name in expected if name.startswith(GENERATED_PREFIX)]
    if len(generated) != GENERATED_CASES:
        errors.append(
            ContentError(
                f"{spec.path}/tests.py", 1, f"generate(rng, n) must return n={GENERATED_CASES} cases"
            )
        )
    raising = [name for name in generated if expected[name]["status"] != "ok"]
    if len(raising) * 2 > len(generated):
        # cases that only raise are checked by exception type alone: they test almost nothing
        errors.append(
            ContentError(
                f"{spec.path}/tests.py",
                1,
                f"check(case) raised for {len(raising)} of {len(generated)} generated cases on the reference",
            )
        )
    other = run(spec.solution, on=seed + 1)
    try:
        elsewhere = expectations(other)
    except ReferenceFailed as exc:
        elsewhere = {}
        errors.append(ContentError(f"{spec.path}/solution.py", 1, f"reference failed on another seed: {exc}"))
    if elsewhere and all(expected.get(name) == elsewhere.get(name) for name in generated):
        errors.append(
            ContentError(
                f"{spec.path}/tests.py",
                1,
                "generate(rng, n) draws the same cases for two seeds: it must take its inputs from rng",
            )
        )
    if not grade(run(spec.solution), expected, visible=set()).accepted:
        errors.append(
            ContentError(
                f"{spec.path}/solution.py",
                1,
                "reference is not accepted on a second run: a test is not deterministic",
            )
        )
    for wrong in spec.wrong:
        verdict = grade(run(wrong.source), expected, visible=set())
        if verdict.verdict != wrong.verdict:
            errors.append(
                ContentError(
                    where,
                    1,
                    f"{wrong.filename} must get {wrong.verdict} but got {verdict.verdict} ({verdict.summary})",
                )
            )
    return (None if errors else Validated(spec.slug, expected)), errors


def validate_all(
    specs: Iterable[ChallengeSpec], runner: Runner, *, workers: int = 2
) -> tuple[dict[str, Validated], list[ContentError]]:
    items = list(specs)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        outcomes = list(pool.map(lambda spec: validate_one(spec, runner), items))
    validated = {v.slug: v for v, _ in outcomes if v is not None}
    errors = [error for _, errs in outcomes for error in errs]
    return validated, errors

"""Validate challenges through the judge's sandbox: the reference must be accepted, each wrong solution must
get its stated verdict. Trusted content, run from the load command; no ORM here."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, Protocol

import yaml

from pyprep.bank.content import ContentError
from pyprep.challenges import limits as run_limits
from pyprep.challenges.grading import ReferenceFailed, Verdict, expectations, grade, passes
from pyprep.challenges.mutation import Mutant, mutants
from pyprep.challenges.spec import GENERATED_CASES, ChallengeSpec
from pyprep.judge.protocol import GENERATED_PREFIX, Job, Limits, RunResult, TestOutcome


class Runner(Protocol):
    def run(self, job: Job) -> RunResult: ...


class StoppableRunner(Protocol):
    """A runner that can stop a job at a test (the sandbox does): see `Sandbox.run`."""

    def run(self, job: Job, *, stop: Callable[[TestOutcome], bool] | None = None) -> RunResult: ...


@dataclass(frozen=True)
class Validated:
    slug: str
    expected: dict[str, Any]


def limits_for(spec: ChallengeSpec) -> Limits:
    return run_limits.job_limits(cpu_seconds=spec.cpu_seconds, memory_mb=spec.memory_mb)


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


@dataclass(frozen=True)
class MutationReport:
    """How many mutants of one challenge's reference the tests reject. Equivalent ones are not scored."""

    slug: str
    mutants: int
    killed: int
    equivalent: tuple[str, ...]
    survivors: tuple[Mutant, ...]
    stale_equivalents: tuple[str, ...]
    verdicts: dict[str, int]

    @property
    def scored(self) -> int:
        return self.mutants - len(self.equivalent)

    @property
    def score(self) -> float:
        return 100.0 if self.scored == 0 else 100.0 * self.killed / self.scored

    def to_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "mutants": self.mutants,
            "killed": self.killed,
            "equivalent": len(self.equivalent),
            "survivors": [{"id": m.id, "line": m.line, "kind": m.kind} for m in self.survivors],
            "stale_equivalents": list(self.stale_equivalents),
            "score": round(self.score, 1),
            "verdicts": self.verdicts,
        }


def sample_mutants(items: list[Mutant], *, size: int | None) -> list[Mutant]:
    """A deterministic subset (by a hash of each id), so `make test` runs the same mutants every time."""
    if size is None or len(items) <= size:
        return items
    chosen = sorted(items, key=lambda m: hashlib.sha256(m.id.encode()).hexdigest())[:size]
    return [m for m in items if m in chosen]


def mutation_test(
    spec: ChallengeSpec,
    runner: StoppableRunner,
    *,
    equivalent: dict[str, str],
    workers: int = 2,
    sample: int | None = None,
) -> MutationReport:
    """Run every mutant of the reference through the loader's path (hidden + generated tests on the validation
    seed, graded against the reference's observations). A mutant is killed when it is not accepted."""
    limits = limits_for(spec)
    seed = validation_seed(spec)

    def job(source: str, job_limits: Limits) -> Job:
        return Job(
            source=source,
            tests=spec.tests,
            test_names=spec.test_names,
            limits=job_limits,
            trusted=True,
            seed=seed,
            cases=GENERATED_CASES,
        )

    reference = runner.run(job(spec.solution, limits))
    expected = expectations(reference)
    # A mutant that hangs (a `while` loop that no longer ends, a lock never released) costs the wall limit:
    # give mutants a few times what the reference took, not the challenge's full allowance.
    wall = min(limits.wall_seconds, max(2.0, 4 * reference.duration_ms / 1000))
    mutant_limits = Limits(cpu_seconds=limits.cpu_seconds, wall_seconds=wall, memory_mb=limits.memory_mb)
    every = mutants(spec.solution)
    chosen = sample_mutants(every, size=sample)

    def verdict_of(mutant: Mutant) -> str:
        # A mutant is stopped at its first failing test: it cannot be accepted any more, and the tests after
        # it (often the large inputs that check complexity) would only cost time. Killed or not is unchanged.
        failed: list[str] = []

        def stop(test: TestOutcome) -> bool:
            want = expected.get(test.name)
            if want is None or passes(want, test):
                return False
            failed.append(test.name)
            return True

        result = runner.run(job(mutant.source, mutant_limits), stop=stop)
        if failed and result.status == "judge_error":
            result = replace(result, status="ok")  # stopped by us: graded on the tests that reported
        return grade(result, expected, visible=set()).verdict

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        verdicts = list(pool.map(verdict_of, chosen))
    ids = {m.id for m in every}
    counts: dict[str, int] = {}
    for verdict in verdicts:
        counts[verdict] = counts.get(verdict, 0) + 1
    survivors = [m for m, v in zip(chosen, verdicts, strict=True) if v == "accepted"]
    return MutationReport(
        slug=spec.slug,
        mutants=len(chosen),
        killed=len(chosen) - len(survivors),
        equivalent=tuple(m.id for m in survivors if m.id in equivalent),
        survivors=tuple(m for m in survivors if m.id not in equivalent),
        stale_equivalents=tuple(sorted(i for i in equivalent if i not in ids)),
        verdicts=counts,
    )


def verdict_for(spec: ChallengeSpec, runner: Runner, *, source: str) -> Verdict:
    """The verdict a Submit of `source` would get on the validation seed: for trying candidate-like solutions."""
    limits = limits_for(spec)
    seed = validation_seed(spec)

    def run(text: str) -> RunResult:
        return runner.run(
            Job(
                source=text,
                tests=spec.tests,
                test_names=spec.test_names,
                limits=limits,
                trusted=True,
                seed=seed,
                cases=GENERATED_CASES,
            )
        )

    return grade(run(source), expectations(run(spec.solution)), visible=set(spec.visible_tests))


def equivalent_mutants(text: str) -> dict[str, str]:
    """`equivalent_mutants.yaml`: a list of {id, why}; every entry must say why it behaves like the reference."""
    try:
        data = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        raise ValueError(f"equivalent_mutants.yaml is not valid YAML: {exc}") from exc
    if not isinstance(data, list):
        raise ValueError("equivalent_mutants.yaml must be a list of {id, why}")
    found: dict[str, str] = {}
    for entry in data:
        if (
            not isinstance(entry, dict)
            or not str(entry.get("id", ""))
            or not str(entry.get("why", "")).strip()
        ):
            raise ValueError(f"equivalent_mutants.yaml: each entry needs an id and a why, got {entry!r}")
        found[str(entry["id"])] = str(entry["why"])
    return found

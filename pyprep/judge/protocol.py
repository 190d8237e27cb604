"""What crosses the sandbox boundary: frozen dataclasses that turn into JSON and back, nothing else."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

STATUSES = ("ok", "runtime_error", "time_limit", "memory_limit", "output_limit", "judge_error")


def shallow_dict(instance: Any) -> dict[str, Any]:
    """A dataclass's fields as a dict, values as they are (`dataclasses.asdict` deep-copies every value).

    What these turn into is JSON text at once, so nothing is gained by copying; on the way from Submit to
    verdict the deep copies of a result's observations were the judge's largest Python cost (~1.4 ms per
    stored result here).
    """
    return {item.name: getattr(instance, item.name) for item in fields(instance)}


@dataclass(frozen=True)
class Limits:
    cpu_seconds: float = 2.0
    wall_seconds: float = 5.0
    memory_mb: int = 256
    output_bytes: int = 65536
    disk_mb: int = 16

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Limits:
        return cls(
            cpu_seconds=float(data.get("cpu_seconds", 2.0)),
            wall_seconds=float(data.get("wall_seconds", 5.0)),
            memory_mb=int(data.get("memory_mb", 256)),
            output_bytes=int(data.get("output_bytes", 65536)),
            disk_mb=int(data.get("disk_mb", 16)),
        )


GENERATED_PREFIX = "generated case "


def generated_names(count: int) -> tuple[str, ...]:
    """The names under which the harness reports the tests module's generated cases, in order."""
    return tuple(f"{GENERATED_PREFIX}{index}" for index in range(1, count + 1))


@dataclass(frozen=True)
class Job:
    """One run: a program (tests="") or a submission plus a module of `def test_*()` functions.

    `cases` > 0 also runs that many cases drawn by the tests module's `generate(rng, n)` from
    `random.Random(seed)` and observed by its `check(case)`. `fixed=False` runs only those generated cases,
    none of the module's `test_*` functions (the reference's run for a Submit: the fixed tests' expected
    observations were stored at content load). `nonce` frames every result record; the sandbox draws a fresh
    one for each run, whatever the caller put here.
    """

    source: str
    tests: str = ""
    test_names: tuple[str, ...] = ()
    stdin: str = ""
    limits: Limits = field(default_factory=Limits)
    trusted: bool = False
    seed: int = 0
    cases: int = 0
    nonce: str = ""
    fixed: bool = True

    @property
    def expected_names(self) -> tuple[str, ...] | None:
        """Every test record the harness must send, in order; None when the module decides (no names)."""
        if self.tests and not self.fixed:
            return generated_names(self.cases)
        if not self.tests or not self.test_names:
            return None
        return self.test_names + generated_names(self.cases)

    def to_dict(self) -> dict[str, Any]:
        data = shallow_dict(self)
        data["test_names"] = list(self.test_names)
        data["limits"] = shallow_dict(self.limits)
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Job:
        return cls(
            source=str(data["source"]),
            tests=str(data.get("tests", "")),
            test_names=tuple(str(name) for name in data.get("test_names", ())),
            stdin=str(data.get("stdin", "")),
            limits=Limits.from_dict(data.get("limits") or {}),
            trusted=bool(data.get("trusted", False)),
            seed=int(data.get("seed", 0)),
            cases=int(data.get("cases", 0)),
            nonce=str(data.get("nonce", "")),
            fixed=bool(data.get("fixed", True)),
        )

    @classmethod
    def from_json(cls, text: str) -> Job:
        return cls.from_dict(json.loads(text))


@dataclass(frozen=True)
class TestOutcome:
    """What one test function did: the value it returned (made JSON-safe) or the exception it raised."""

    __test__ = False  # not a pytest class, despite the name

    name: str
    status: str  # "ok" | "error"
    observation: Any = None
    error: str = ""
    stdout: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TestOutcome:
        return cls(
            name=str(data["name"]),
            status="ok" if data.get("status") == "ok" else "error",
            observation=data.get("observation"),
            error=str(data.get("error", "")),
            stdout=str(data.get("stdout", "")),
        )


@dataclass(frozen=True)
class RunResult:
    status: str
    stdout: str = ""
    traceback: str = ""
    tests: tuple[TestOutcome, ...] = ()
    duration_ms: float = 0.0
    tier: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        data = shallow_dict(self)
        data["tests"] = [shallow_dict(test) for test in self.tests]
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunResult:
        status = str(data.get("status", "judge_error"))
        return cls(
            status=status if status in STATUSES else "judge_error",
            stdout=str(data.get("stdout", "")),
            traceback=str(data.get("traceback", "")),
            tests=tuple(TestOutcome.from_dict(test) for test in data.get("tests", ())),
            duration_ms=float(data.get("duration_ms", 0.0)),
            tier=str(data.get("tier", "")),
        )

    @classmethod
    def from_json(cls, text: str) -> RunResult:
        return cls.from_dict(json.loads(text))

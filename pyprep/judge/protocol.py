"""What crosses the sandbox boundary: frozen dataclasses that turn into JSON and back, nothing else."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

STATUSES = ("ok", "runtime_error", "time_limit", "memory_limit", "output_limit", "judge_error")


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


@dataclass(frozen=True)
class Job:
    """One run: a program (tests="") or a submission plus a module of `def test_*()` functions."""

    source: str
    tests: str = ""
    test_names: tuple[str, ...] = ()
    stdin: str = ""
    limits: Limits = field(default_factory=Limits)
    trusted: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["test_names"] = list(self.test_names)
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
        data = asdict(self)
        data["tests"] = [asdict(test) for test in self.tests]
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

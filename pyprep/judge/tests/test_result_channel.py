"""The trusted side's reading of what a job sent back, and the strict conversion of observations."""

from __future__ import annotations

import json
import math
from collections import Counter, OrderedDict
from collections.abc import Iterator

import pytest

from pyprep.judge.jail import Unserialisable, json_safe
from pyprep.judge.protocol import Job, Limits, RunResult
from pyprep.judge.sandbox import Exchange, assemble


class Sneaky(list[int]):
    def __iter__(self) -> Iterator[int]:
        raise AssertionError("the harness must not call the submission's methods")


def test_observations_are_read_without_calling_the_submissions_methods() -> None:
    assert json_safe(Sneaky([1, 2])) == [1, 2]
    assert json_safe(OrderedDict(a=(1, 2))) == {"a": [1, 2]}
    assert json_safe(Counter("aab")) == {"a": 2, "b": 1}
    assert json_safe({3, 1, 2}) == [1, 2, 3]
    assert json_safe({1: None, None: "x"}) == {"1": None, "null": "x"}
    assert json_safe(math.inf) == {"__float__": "inf"}


@pytest.mark.parametrize("value", [object(), 1j, b"bytes", [[[]]] * 0 + [type], range(3)])
def test_anything_else_is_unserialisable(value: object) -> None:
    with pytest.raises(Unserialisable):
        json_safe(value)


def test_deep_or_huge_values_are_refused() -> None:
    deep: list[object] = []
    for _ in range(200):
        deep = [deep]
    with pytest.raises(Unserialisable):
        json_safe(deep)
    with pytest.raises(Unserialisable):
        json_safe(list(range(200_000)))


def records(*items: dict[str, object]) -> bytes:
    return b"".join(json.dumps(item).encode() + b"\n" for item in items)


def result_of(got: Exchange, *, tests: str = "x", limits: Limits | None = None) -> RunResult:
    return assemble(Job(source="", tests=tests, limits=limits or Limits()), got, tier="t", duration_ms=1.0)


EXITED = {"state": "exited", "exit": 0, "signal": None, "cpu_ms": 5.0}


def test_a_second_record_for_the_same_test_marks_it_tampered() -> None:
    got = Exchange(
        results=records(
            {"kind": "test", "name": "test_a", "status": "ok", "observation": 1},
            {"kind": "test", "name": "test_a", "status": "ok", "observation": 2},
            {"kind": "done", "status": "ok"},
        )
        + b"garbage line\n",
        report=EXITED,
    )
    result = result_of(got)
    assert result.status == "ok"
    assert [(t.status, t.error) for t in result.tests] == [("error", "tampered result")]


def test_how_the_job_ended_decides_the_status() -> None:
    cpu_kill = {"state": "exited", "exit": None, "signal": 9, "cpu_ms": 1900.0}
    assert result_of(Exchange(report=cpu_kill), limits=Limits(cpu_seconds=2)).status == "time_limit"
    assert result_of(Exchange(report={"state": "wall", "signal": 9})).status == "time_limit"
    segv = result_of(Exchange(report={**EXITED, "exit": None, "signal": 11}))
    assert (segv.status, segv.traceback) == ("runtime_error", "Segmentation fault (the interpreter crashed).")
    assert result_of(Exchange(report=EXITED, output_exceeded=True)).status == "output_limit"
    assert result_of(Exchange(report={"state": "setup_failed", "error": "x"})).status == "judge_error"
    assert result_of(Exchange(report=None, lost=True)).status == "judge_error"
    assert result_of(Exchange(report=EXITED), tests="").status == "ok"
    assert result_of(Exchange(report=EXITED), tests="x").status == "runtime_error"
    memory = Exchange(results=records({"kind": "done", "status": "memory_limit"}), report=EXITED)
    assert result_of(memory).status == "memory_limit"

"""The trusted side's reading of what a job sent back, and the strict conversion of observations."""

from __future__ import annotations

import json
import math
from collections import Counter, OrderedDict
from collections.abc import Iterator

import pytest

from pyprep.judge.exchange import Exchange
from pyprep.judge.jail.harness import Unserialisable, json_safe
from pyprep.judge.outcome import assemble
from pyprep.judge.protocol import Job, Limits, RunResult


class Sneaky(list[int]):
    def __iter__(self) -> Iterator[int]:
        raise AssertionError("the harness must not call the submission's methods")


def test_observations_are_read_without_calling_the_submissions_methods() -> None:
    assert json_safe(Sneaky([1, 2])) == [1, 2]
    assert json_safe(OrderedDict(a=(1, 2))) == {"a": {"__tuple__": [1, 2]}}
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


def result_of(got: Exchange, *, tests: str = "x", limits: Limits | None = None) -> RunResult:
    job = Job(source="", tests=tests, test_names=("test_a",), limits=limits or Limits(), nonce=NONCE)
    return assemble(job, got, tier="t", duration_ms=1.0)


EXITED = {"state": "exited", "exit": 0, "signal": None, "cpu_ms": 5.0}


def test_a_second_record_for_the_same_test_is_tampering() -> None:
    got = Exchange(
        results=frames(
            {"kind": "test", "name": "test_a", "status": "ok", "observation": 1},
            {"kind": "test", "name": "test_a", "status": "ok", "observation": 2},
            {"kind": "done", "status": "ok"},
        ),
        report=EXITED,
    )
    result = result_of(got)
    assert result.status == "runtime_error"
    assert "result channel" in result.traceback


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
    memory = Exchange(results=frames({"kind": "done", "status": "memory_limit"}), report=EXITED)
    assert result_of(memory).status == "memory_limit"


NONCE = "0123456789abcdef0123456789abcdef"


def frames(*items: object, nonce: str = NONCE) -> bytes:
    """Records framed the way the harness sends them: the job's nonce, a sequence number, the JSON."""
    return b"".join(
        f"{nonce} {seq} {item if isinstance(item, str) else json.dumps(item)}\n".encode()
        for seq, item in enumerate(items)
    )


def framed_result(data: bytes, *, names: tuple[str, ...] = ("test_a",), cases: int = 0) -> RunResult:
    job = Job(source="", tests="x", test_names=names, cases=cases, nonce=NONCE)
    return assemble(job, Exchange(results=data, report=EXITED), tier="t", duration_ms=1.0)


def test_records_in_the_jobs_frame_for_every_test_sent_are_read() -> None:
    result = framed_result(
        frames(
            {"kind": "test", "name": "test_a", "status": "ok", "observation": 1},
            {"kind": "test", "name": "generated case 1", "status": "ok", "observation": 2},
            {"kind": "done", "status": "ok"},
        ),
        cases=1,
    )
    assert result.status == "ok"
    assert [(t.name, t.observation) for t in result.tests] == [("test_a", 1), ("generated case 1", 2)]


def test_a_stray_line_on_the_result_channel_is_tampering_by_the_submission() -> None:
    stray = b'{"kind": "test", "name": "test_a", "status": "ok", "observation": 1}\n'
    result = framed_result(stray + frames({"kind": "done", "status": "ok"}))
    assert result.status == "runtime_error"
    assert "result channel" in result.traceback
    assert result.tests == ()


def test_records_that_stop_before_every_test_sent_has_reported_are_tampering() -> None:
    # a forger that wrote one record and a "done" of its own, then left
    result = framed_result(
        frames(
            {"kind": "test", "name": "test_a", "status": "ok", "observation": 1},
            {"kind": "done", "status": "ok"},
        ),
        names=("test_a", "test_b"),
    )
    assert result.status == "runtime_error"
    assert "result channel" in result.traceback


def test_anything_after_done_is_tampering() -> None:
    result = framed_result(
        frames(
            {"kind": "test", "name": "test_a", "status": "ok", "observation": 1},
            {"kind": "done", "status": "ok"},
            {"kind": "test", "name": "test_a", "status": "ok", "observation": 2},
        )
    )
    assert result.status == "runtime_error"


def test_deeply_nested_json_from_a_submission_is_its_own_failure_not_a_judge_error() -> None:
    nested = "[" * 100_000 + "]" * 100_000
    for data in (frames(nested), nested.encode() + b"\n"):
        result = framed_result(data)
        assert result.status == "runtime_error"
        assert "result channel" in result.traceback


def test_a_nameless_record_is_the_submissions_own_failure_not_a_judge_error() -> None:
    result = framed_result(frames({"kind": "test", "status": "ok"}, {"kind": "done", "status": "ok"}))
    assert result.status == "runtime_error"
    assert "result channel" in result.traceback

"""Jobs and results turn into the same JSON as `dataclasses.asdict` gave, without its deep copies."""

from __future__ import annotations

import json
from dataclasses import asdict

from pyprep.judge.protocol import Job, Limits, RunResult, TestOutcome


def test_a_job_becomes_the_same_dict_as_asdict_gave_and_comes_back_equal() -> None:
    job = Job(
        source="def f():\n    return 1\n",
        tests="def test_a():\n    return f()\n",
        test_names=("test_a",),
        limits=Limits(cpu_seconds=1.0, memory_mb=64),
        seed=7,
        cases=3,
        fixed=False,
    )
    expected = asdict(job)
    expected["test_names"] = ["test_a"]
    assert job.to_dict() == expected
    assert Job.from_json(job.to_json()) == job


def test_a_result_becomes_the_same_dict_as_asdict_gave_and_comes_back_equal() -> None:
    result = RunResult(
        status="ok",
        stdout="out",
        tests=(
            TestOutcome(name="test_a", status="ok", observation={"__tuple__": [1, [2, 3]]}),
            TestOutcome(name="test_b", status="error", error="ValueError: no", stdout="x"),
        ),
        duration_ms=12.5,
        tier="forkserver",
    )
    expected = asdict(result)
    expected["tests"] = [asdict(test) for test in result.tests]
    assert result.to_dict() == expected
    assert json.loads(result.to_json()) == expected
    assert RunResult.from_json(result.to_json()) == result

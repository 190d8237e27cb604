"""A caller can stop a job at a test: mutation testing stops a mutant at its first failing test."""

from __future__ import annotations

from pyprep.judge.protocol import Job, Limits, TestOutcome
from pyprep.judge.sandbox import Sandbox

TESTS = (
    "from solution import answer\n"
    "def test_first():\n    return answer()\n"
    "def test_second():\n    import time\n    time.sleep(30)\n    return 2\n"
)


def job() -> Job:
    return Job(
        source="def answer():\n    return 41\n",
        tests=TESTS,
        test_names=("test_first", "test_second"),
        limits=Limits(cpu_seconds=5, wall_seconds=60),
    )


def test_a_job_is_stopped_at_the_first_test_the_caller_rejects_and_keeps_what_came_back(
    sandbox: Sandbox,
) -> None:
    asked: list[str] = []

    def stop(test: TestOutcome) -> bool:
        asked.append(test.name)
        return test.observation != 42

    result = sandbox.run(job(), stop=stop)

    assert asked == ["test_first"]
    assert [(test.name, test.observation) for test in result.tests] == [("test_first", 41)]
    assert result.status == "judge_error"  # stopped by the judge, never "ok": it did not run every test


def test_a_job_the_caller_never_stops_runs_every_test(sandbox: Sandbox) -> None:
    quick = Job(
        source="def answer():\n    return 42\n",
        tests="from solution import answer\ndef test_first():\n    return answer()\n"
        "def test_second():\n    return 2\n",
        test_names=("test_first", "test_second"),
        limits=Limits(cpu_seconds=5, wall_seconds=20),
    )
    asked: list[str] = []

    def never(test: TestOutcome) -> bool:
        asked.append(test.name)
        return False

    result = sandbox.run(quick, stop=never)

    assert asked == ["test_first", "test_second"]
    assert result.status == "ok"
    assert [test.observation for test in result.tests] == [42, 2]

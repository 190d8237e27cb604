"""A Submit's two jobs: the reference observes only the generated cases, beside the submission, on one seed."""

from __future__ import annotations

import threading

from pyprep.judge.pairing import run_paired
from pyprep.judge.protocol import Job, RunResult


class TwoAtOnce:
    """A runner whose jobs finish only when two of them are in flight together."""

    def __init__(self) -> None:
        self.together = threading.Barrier(2, timeout=10)
        self.jobs: list[Job] = []

    def run(self, job: Job) -> RunResult:
        self.jobs.append(job)
        self.together.wait()
        return RunResult(status="ok", stdout=job.source)


def test_the_reference_runs_beside_the_submission_on_the_same_seed_observing_only_generated_cases() -> None:
    runner = TwoAtOnce()
    job = Job(source="mine", tests="def test_a():\n    return 1\n", test_names=("test_a",), cases=5)
    paired = run_paired(runner, job=job, reference="theirs", seed=42)
    assert (paired.result.stdout, paired.reference.stdout) == ("mine", "theirs")
    by_source = {job.source: job for job in runner.jobs}
    assert by_source["theirs"].trusted
    assert not by_source["theirs"].fixed
    assert not by_source["mine"].trusted
    assert by_source["mine"].fixed
    assert by_source["theirs"].seed == by_source["mine"].seed == paired.seed == 42


def test_without_generated_cases_the_reference_runs_the_fixed_tests() -> None:
    runner = TwoAtOnce()
    job = Job(source="mine", tests="def test_a():\n    return 1\n", test_names=("test_a",))
    run_paired(runner, job=job, reference="theirs")
    assert all(job.fixed for job in runner.jobs)


def test_a_runner_that_raises_on_the_reference_is_a_failed_reference_not_a_crash() -> None:
    class Broken:
        def run(self, job: Job) -> RunResult:
            if job.trusted:
                raise OSError("zygote gone")
            return RunResult(status="ok")

    paired = run_paired(Broken(), job=Job(source="mine", tests="x = 1\n", cases=1), reference="theirs")
    assert paired.reference.status == "judge_error"

"""A Submit's two jobs: the reference observes only the generated cases, beside the submission, on one seed."""

from __future__ import annotations

import threading
from dataclasses import replace

from pyprep.judge.pairing import ReferencePool, run_paired
from pyprep.judge.protocol import Job, Limits, RunResult


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


class Recording:
    """A runner that answers at once and remembers every job, in order."""

    def __init__(self, status: str = "ok") -> None:
        self.status = status
        self.jobs: list[Job] = []

    def run(self, job: Job) -> RunResult:
        self.jobs.append(job)
        return RunResult(status=self.status, stdout=f"{job.source} on {job.seed}")


JOB = Job(source="mine", tests="def test_a():\n    return 1\n", test_names=("test_a",), cases=5)


def test_a_prepared_reference_spares_the_next_submit_its_reference_job_and_is_used_once() -> None:
    runner, pool = Recording(), ReferencePool()
    assert pool.prepare(runner, job=JOB, reference="theirs")
    prepared = runner.jobs[-1]
    assert prepared.trusted
    assert not prepared.fixed
    assert prepared.source == "theirs"

    paired = run_paired(runner, job=JOB, reference="theirs", pool=pool)
    assert runner.jobs[-1].source == "mine"
    assert len(runner.jobs) == 2
    assert paired.seed == runner.jobs[-1].seed == prepared.seed
    assert paired.reference.stdout == f"theirs on {prepared.seed}"

    again = run_paired(runner, job=JOB, reference="theirs", pool=pool)
    assert again.seed != prepared.seed  # taken once: the next Submit draws its own and runs both jobs
    assert len(runner.jobs) == 4


def test_a_prepared_reference_serves_only_the_same_reference_tests_and_limits() -> None:
    runner, pool = Recording(), ReferencePool()
    pool.prepare(runner, job=JOB, reference="theirs")
    assert pool.take(job=JOB, reference="an edited reference") is None
    assert pool.take(job=replace(JOB, tests=JOB.tests + "\n# edited\n"), reference="theirs") is None
    assert pool.take(job=replace(JOB, limits=Limits(cpu_seconds=9)), reference="theirs") is None
    assert pool.take(job=replace(JOB, source="another candidate's code"), reference="theirs") is not None


def test_a_reference_that_failed_while_prepared_is_not_kept() -> None:
    pool = ReferencePool()
    assert not pool.prepare(Recording(status="time_limit"), job=JOB, reference="theirs")
    assert len(pool) == 0


def test_a_seed_given_by_the_caller_is_never_swapped_for_a_prepared_one() -> None:
    runner, pool = Recording(), ReferencePool()
    pool.prepare(runner, job=JOB, reference="theirs")
    paired = run_paired(runner, job=JOB, reference="theirs", seed=42, pool=pool)
    assert paired.seed == 42
    assert len(pool) == 1


def test_the_pool_keeps_the_most_recently_prepared_references_up_to_its_capacity() -> None:
    runner, pool = Recording(), ReferencePool(capacity=2)
    for reference in ("a", "b", "c"):
        pool.prepare(runner, job=JOB, reference=reference)
    assert pool.take(job=JOB, reference="a") is None
    assert pool.take(job=JOB, reference="c") is not None


def test_a_reference_already_prepared_is_not_run_again_until_it_is_taken() -> None:
    runner, pool = Recording(), ReferencePool()
    assert pool.prepare(runner, job=JOB, reference="theirs")
    ready = pool.take(job=JOB, reference="theirs")
    pool.prepare(runner, job=JOB, reference="theirs")
    assert pool.prepare(runner, job=JOB, reference="theirs")  # two Submits at once both prepare
    assert len(runner.jobs) == 2
    assert ready is not None

"""A Submit is judged on inputs drawn for it: the reference runs on the same seed in a separate job, so a
lookup table of every input in the test code passes the fixed tests and still fails."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from pyprep.challenges import services
from pyprep.challenges.models import Challenge, Submission
from pyprep.judge.models import JudgeJob
from pyprep.judge.protocol import Job, RunResult
from pyprep.judge.sandbox import Sandbox
from pyprep.judge.worker import judge_job_execute

from .test_judge_announcements import RIGHT

pytestmark = pytest.mark.django_db(transaction=True)

# Right on every input written in tests.py (the candidate could read them all before), wrong elsewhere.
LOOKUP = """def two_sum(numbers, target):
    table = {
        ((4, 9, 2, 7), 11): (1, 2), ((1, 8, 3, 0, 5, 12), 13): (1, 4), ((1, 2, 4), 100): None,
        ((3, 3), 6): (0, 1), ((3, 5), 6): None, ((-4, 10, 0, 4), 0): (0, 3), ((0, -1, 0), 0): (0, 2),
        ((1, 5, 2, 4, 3), 6): (0, 1), ((), 1): None, ((1,), 2): None,
        ((2, 2, 5), 7): (0, 2), ((1, 4, 4, 4, 3), 7): (1, 4), ((0, 0, 0), 0): (0, 1),
    }
    if len(numbers) > 1000:
        return (len(numbers) - 3, len(numbers) - 2)
    return table.get((tuple(numbers), target))
"""


def _submit(challenge: Challenge, code: str, monkeypatch: pytest.MonkeyPatch) -> Submission:
    monkeypatch.setattr("pyprep.judge.tasks.judge_run", lambda pk: None)  # the test plays the judge
    user = User.objects.create_user(f"candidate{Submission.objects.count()}")
    submission = services.submission_create(
        challenge=challenge, user=user, kind="submit", code=code, client_ip="10.2.2.2"
    )
    assert submission.judge_job is not None
    judge_job_execute(job_id=submission.judge_job.pk)
    submission.refresh_from_db()
    return submission


def _seed(submission: Submission) -> int | None:
    assert submission.judge_job_id is not None
    return JudgeJob.objects.get(pk=submission.judge_job_id).seed


def test_a_lookup_table_of_every_input_in_the_test_code_is_not_accepted(
    challenge: Challenge, monkeypatch: pytest.MonkeyPatch
) -> None:
    submission = _submit(challenge, LOOKUP, monkeypatch)
    assert submission.verdict == "wrong_answer", submission.summary
    fixed = len(challenge.visible_tests) + len(challenge.hidden_tests)
    assert all(row["passed"] for row in submission.results[:fixed])
    assert not all(row["passed"] for row in submission.results[fixed:])


def test_a_right_solution_is_accepted_on_fresh_inputs_and_the_seed_is_kept(
    challenge: Challenge, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _submit(challenge, RIGHT, monkeypatch)
    second = _submit(challenge, RIGHT, monkeypatch)
    assert (first.verdict, second.verdict) == ("accepted", "accepted")
    assert len(first.results) > len(challenge.visible_tests) + len(challenge.hidden_tests)
    seeds = list(
        JudgeJob.objects.filter(pk__in=[first.judge_job_id, second.judge_job_id]).values_list(
            "seed", flat=True
        )
    )
    assert None not in seeds
    assert seeds[0] != seeds[1]


def test_after_a_submit_the_reference_is_run_ahead_so_the_next_submit_runs_only_its_own_job(
    challenge: Challenge, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Counting:
        def __init__(self) -> None:
            self.jobs: list[Job] = []

        def run(self, job: Job) -> RunResult:
            self.jobs.append(job)
            return sandbox.run(job)

    runner = Counting()
    monkeypatch.setattr("pyprep.judge.runtime._sandbox", runner)
    first = _submit(challenge, RIGHT, monkeypatch)
    assert [job.trusted for job in runner.jobs].count(True) == 2  # beside the submission, then ahead
    ahead = runner.jobs[-1]
    assert ahead.trusted
    assert ahead.seed != _seed(first)

    runner.jobs.clear()
    second = _submit(challenge, RIGHT, monkeypatch)
    assert second.verdict == "accepted"
    assert not runner.jobs[0].trusted  # the submission ran alone, on the seed drawn ahead
    assert runner.jobs[0].seed == _seed(second) == ahead.seed
    assert runner.jobs[1].trusted
    assert runner.jobs[1].seed != ahead.seed

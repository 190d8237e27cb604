"""Loading content/challenges through the bank's loader: question + challenge rows, validation, re-runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from pyprep.bank.models import Kind, Question
from pyprep.bank.services import content_load
from pyprep.challenges.models import Challenge
from pyprep.challenges.tests.fixtures import make_content
from pyprep.judge.protocol import Job, RunResult
from pyprep.judge.sandbox import Sandbox

pytestmark = pytest.mark.django_db


class CountingRunner:
    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.jobs = 0

    def run(self, job: Job) -> RunResult:
        self.jobs += 1
        return self.sandbox.run(job)


def test_a_challenge_becomes_a_bank_question_with_its_challenge(challenge: Challenge) -> None:
    question = challenge.question
    assert question.kind == Kind.CHALLENGE
    assert question.status == "published"
    assert question.answer == challenge.explanation
    assert question.key_points.count() >= 3
    assert challenge.visible_tests == ["test_pair_at_the_start", "test_pair_far_apart"]
    assert "test_large_input_answer_at_the_end" in challenge.hidden_tests
    assert challenge.expected["test_pair_at_the_start"] == {
        "status": "ok",
        "observation": {"__tuple__": [1, 2]},
    }


def test_loading_unchanged_files_again_runs_nothing_in_the_judge(
    tmp_path: Path, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path, ["merge-intervals"])
    runner = CountingRunner(sandbox)
    monkeypatch.setattr("pyprep.judge.runtime.sandbox_get", lambda: runner)
    assert not content_load(root=content).errors
    first = runner.jobs
    assert first > 0
    assert not content_load(root=content).errors
    assert runner.jobs == first


def test_a_wrong_solution_that_passes_blocks_the_load_and_writes_nothing(
    tmp_path: Path, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path, ["merge-intervals"])
    folder = content / "challenges" / "merge-intervals"
    (folder / "wrong_no_sort.py").write_text((folder / "solution.py").read_text())
    monkeypatch.setattr("pyprep.judge.runtime._sandbox", sandbox)
    result = content_load(root=content)
    assert any("wrong_no_sort.py must get wrong_answer but got accepted" in str(e) for e in result.errors)
    assert not Question.objects.exists()
    assert not Challenge.objects.exists()


def test_a_reference_that_crashes_blocks_the_load(
    tmp_path: Path, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path, ["merge-intervals"])
    (content / "challenges" / "merge-intervals" / "solution.py").write_text("raise SystemExit(3)\n")
    monkeypatch.setattr("pyprep.judge.runtime._sandbox", sandbox)
    result = content_load(root=content)
    assert any("reference solution failed" in str(e) for e in result.errors)
    assert not Challenge.objects.exists()

"""Recording the judge's verdict: per-test rows, hidden tests stay hidden, solved marks follow acceptance."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from pyprep.challenges import selectors, services
from pyprep.challenges.models import Submission
from pyprep.challenges.tests.factories import make_challenge
from pyprep.judge.protocol import RunResult, TestOutcome

pytestmark = pytest.mark.django_db


def _result(*outcomes: tuple[str, object], status: str = "ok", traceback: str = "") -> RunResult:
    return RunResult(
        status=status,
        traceback=traceback,
        tests=tuple(TestOutcome(name=name, status="ok", observation=value) for name, value in outcomes),
        duration_ms=12.5,
    )


def test_a_run_grades_only_the_visible_tests_and_shows_expected_versus_got() -> None:
    challenge = make_challenge()
    submission = Submission.objects.create(challenge=challenge, kind="run", code="...")
    services.submission_grade(submission=submission, result=_result(("test_adds", 5), ("test_negative", 7)))
    submission.refresh_from_db()
    assert submission.verdict == "wrong_answer"
    assert submission.state == Submission.State.DONE
    assert [row["name"] for row in submission.results] == ["test_adds", "test_negative"]
    failing = submission.results[1]
    assert (failing["expected"], failing["got"]) == ("-1", "7")
    assert submission.runtime_ms == 12.5


def test_hidden_test_rows_carry_no_inputs_or_values() -> None:
    challenge = make_challenge()
    submission = Submission.objects.create(challenge=challenge, kind="submit", code="...")
    services.submission_grade(
        submission=submission, result=_result(("test_adds", 5), ("test_negative", -1), ("test_hidden_big", 1))
    )
    hidden = Submission.objects.get(pk=submission.pk).results[2]
    assert hidden["visible"] is False
    assert hidden["expected"] is None
    assert hidden["got"] is None


def test_an_accepted_submit_marks_the_question_solved_for_that_user_only() -> None:
    challenge = make_challenge()
    alice, bob = User.objects.create_user("alice"), User.objects.create_user("bob")
    submission = Submission.objects.create(challenge=challenge, user=alice, kind="submit", code="...")
    services.submission_grade(
        submission=submission,
        result=_result(("test_adds", 5), ("test_negative", -1), ("test_hidden_big", 2000)),
    )
    assert Submission.objects.get(pk=submission.pk).verdict == "accepted"
    assert selectors.solved_question_ids(user=alice) == {challenge.question_id}
    assert selectors.solved_question_ids(user=bob) == set()


def test_an_accepted_run_does_not_count_as_solved() -> None:
    challenge = make_challenge()
    alice = User.objects.create_user("alice")
    submission = Submission.objects.create(challenge=challenge, user=alice, kind="run", code="...")
    services.submission_grade(submission=submission, result=_result(("test_adds", 5), ("test_negative", -1)))
    assert selectors.solved_question_ids(user=alice) == set()


def test_a_time_limit_from_the_sandbox_is_the_verdict() -> None:
    challenge = make_challenge()
    submission = Submission.objects.create(challenge=challenge, kind="run", code="while True: pass")
    services.submission_grade(submission=submission, result=_result(status="time_limit"))
    assert Submission.objects.get(pk=submission.pk).verdict == "time_limit"

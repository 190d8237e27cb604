"""Hidden tests are not public: the test code shown is the visible tests', a hidden failure carries no data,
and a Submit is graded against the reference run on inputs drawn for that submission."""

from __future__ import annotations

import pytest

from pyprep.challenges import selectors, services
from pyprep.challenges.models import Challenge, Submission
from pyprep.challenges.tests.factories import make_challenge
from pyprep.judge.protocol import RunResult, TestOutcome, generated_names

pytestmark = pytest.mark.django_db

TESTS = """from solution import add

SMALL = 2


def helper(a):
    return add(a, SMALL)


def test_adds():
    return helper(3)


def test_negative():
    return add(-2, 1)


BIG = 10**18 + 7


def test_hidden_big():
    return add(BIG, BIG)


def generate(rng, n):
    return [(rng.randint(-9, 9), rng.randint(-9, 9)) for _ in range(n)]


def check(case):
    return add(*case)
"""


def test_the_test_code_shown_holds_the_visible_tests_and_what_they_use_only() -> None:
    challenge = make_challenge(tests_code=TESTS)
    shown = selectors.visible_test_code(challenge=challenge)
    assert "def test_adds" in shown
    assert "def test_negative" in shown
    assert "def helper" in shown
    assert "SMALL = 2" in shown
    assert "from solution import add" in shown
    assert "test_hidden_big" not in shown
    assert "10**18" not in shown
    assert "def generate" not in shown


def test_the_challenge_page_shows_only_the_visible_test_code(client: object) -> None:
    challenge = make_challenge(tests_code=TESTS)
    page = client.get(challenge.get_absolute_url()).content.decode()  # type: ignore[attr-defined]
    assert "test_adds" in page
    assert "test_hidden_big" not in page
    assert "10**18" not in page


def _ok(*outcomes: tuple[str, object]) -> RunResult:
    return RunResult(
        status="ok", tests=tuple(TestOutcome(name=n, status="ok", observation=v) for n, v in outcomes)
    )


def test_a_hidden_failure_is_reported_as_its_number_among_the_hidden_tests_without_data() -> None:
    challenge = make_challenge(tests_code=TESTS)
    submission = Submission.objects.create(challenge=challenge, kind="submit", code="...")
    cases = generated_names(2)
    reference = _ok(
        ("test_adds", 5), ("test_negative", -1), ("test_hidden_big", 2000), (cases[0], 1), (cases[1], 2)
    )
    result = _ok(
        ("test_adds", 5), ("test_negative", -1), ("test_hidden_big", 2000), (cases[0], 1), (cases[1], 99)
    )
    services.submission_grade(submission=submission, result=result, reference=reference)
    rows = Submission.objects.get(pk=submission.pk).results
    assert rows[4]["name"] == "hidden test 3 of 3"
    assert rows[4]["message"] == "hidden test 3 of 3 failed"
    assert (rows[4]["expected"], rows[4]["got"], rows[4]["stdout"]) == (None, None, "")
    assert [row["name"] for row in rows[2:4]] == ["hidden test 1 of 3", "hidden test 2 of 3"]
    assert "99" not in str(rows)
    assert "2000" not in str(rows)


def test_a_submit_is_graded_against_the_reference_run_not_the_stored_values() -> None:
    challenge = make_challenge(tests_code=TESTS)
    submission = Submission.objects.create(challenge=challenge, kind="submit", code="...")
    case = generated_names(1)[0]
    reference = _ok(("test_adds", 5), ("test_negative", -1), ("test_hidden_big", 2000), (case, 7))
    result = _ok(("test_adds", 5), ("test_negative", -1), ("test_hidden_big", 2000), (case, 7))
    services.submission_grade(submission=submission, result=result, reference=reference)
    assert Submission.objects.get(pk=submission.pk).verdict == "accepted"


def test_a_submit_job_draws_generated_cases_and_carries_the_reference(challenge: Challenge) -> None:
    submission = Submission.objects.create(challenge=challenge, kind="submit", code="...")
    job = services.submission_job(submission=submission)
    assert job.cases > 0
    run = Submission.objects.create(challenge=challenge, kind="run", code="...")
    assert services.submission_job(submission=run).cases == 0

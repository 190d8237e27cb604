"""Grading happens outside the sandbox: observations against the reference's, hidden tests kept hidden."""

from __future__ import annotations

import pytest

from pyprep.challenges.grading import (
    ReferenceFailed,
    expectations,
    grade,
    grade_paired,
    observation_text,
    same,
)
from pyprep.judge.jail.harness import json_safe
from pyprep.judge.pairing import Paired
from pyprep.judge.protocol import RunResult, TestOutcome


def run(*tests: TestOutcome, status: str = "ok") -> RunResult:
    return RunResult(status=status, tests=tests, tier="forkserver")


REFERENCE = run(
    TestOutcome("test_visible", "ok", [1, -1]),
    TestOutcome("test_hidden", "ok", {"total": 3.0}),
    TestOutcome("test_raises", "error", error="KeyError: 'z'"),
)
EXPECTED = expectations(REFERENCE)


def test_matching_observations_are_accepted() -> None:
    submission = run(
        TestOutcome("test_visible", "ok", [1, -1]),
        TestOutcome("test_hidden", "ok", {"total": 3.0000000000001}),
        TestOutcome("test_raises", "error", error="KeyError: 'other message'"),
    )
    verdict = grade(submission, EXPECTED, visible={"test_visible"})
    assert verdict.verdict == "accepted"
    assert verdict.summary == "Accepted: all 3 tests passed"


def test_a_different_value_is_a_wrong_answer_and_hidden_values_stay_hidden() -> None:
    submission = run(
        TestOutcome("test_visible", "ok", [1, 2], stdout="debug"),
        TestOutcome("test_hidden", "ok", {"total": 4}, stdout="secret inputs"),
        TestOutcome("test_raises", "error", error="KeyError: 'z'"),
    )
    verdict = grade(submission, EXPECTED, visible={"test_visible"})
    assert verdict.verdict == "wrong_answer"
    visible, hidden, _ = verdict.tests
    assert (visible.expected, visible.got, visible.stdout) == ([1, -1], [1, 2], "debug")
    assert (hidden.expected, hidden.got, hidden.stdout) == (None, None, "")
    assert hidden.message == "wrong answer on a hidden test"


def test_an_unexpected_exception_is_a_runtime_error_showing_only_its_type_when_hidden() -> None:
    submission = run(
        TestOutcome("test_visible", "ok", [1, -1]),
        TestOutcome("test_hidden", "error", error="ValueError: input was [4, 5, 6]"),
        TestOutcome("test_raises", "error", error="KeyError: 'z'"),
    )
    verdict = grade(submission, EXPECTED, visible={"test_visible"})
    assert verdict.verdict == "runtime_error"
    assert verdict.tests[1].message == "raised ValueError"


def test_limits_decide_the_verdict_before_any_comparison() -> None:
    for status in ("time_limit", "memory_limit", "output_limit", "runtime_error", "judge_error"):
        assert grade(run(status=status), EXPECTED, visible=set()).verdict == status


def test_a_test_that_did_not_run_fails() -> None:
    verdict = grade(run(TestOutcome("test_visible", "ok", [1, -1])), EXPECTED, visible=set())
    assert verdict.verdict == "wrong_answer"
    assert verdict.tests[1].message == "did not run"


def test_booleans_are_not_numbers_and_floats_are_compared_with_a_tolerance() -> None:
    assert not same(True, 1)
    assert not same([0], [False])
    assert same(0.1 + 0.2, 0.3)
    assert same(2, 2.0)
    assert not same({"a": 1}, {"a": 1, "b": 2})
    assert same({"__float__": "nan"}, {"__float__": "nan"})


def test_a_tuple_never_equals_a_list_and_is_shown_as_a_tuple() -> None:
    assert not same(json_safe((1, 2)), json_safe([1, 2]))
    assert not same(json_safe([(1, 2)]), json_safe([[1, 2]]))
    assert same(json_safe({"a": (1, (2,))}), json_safe({"a": (1, (2,))}))
    assert observation_text(json_safe({"a": [(1, "x"), (2,)], "b": ()})) == '{"a": [(1, "x"), (2,)], "b": ()}'
    assert observation_text(json_safe(float("nan"))) == "nan"
    assert observation_text(None) == "null"


def test_a_reference_that_returns_something_uncomparable_is_refused_at_load() -> None:
    with pytest.raises(ReferenceFailed):
        expectations(run(TestOutcome("test_x", "error", error="unserialisable Counter")))
    with pytest.raises(ReferenceFailed):
        expectations(run(status="time_limit"))


def test_a_missing_exception_is_said_in_the_candidates_words() -> None:
    base = [TestOutcome("test_visible", "ok", [1, -1]), TestOutcome("test_hidden", "ok", {"total": 3.0})]
    returned_nothing = run(*base, TestOutcome("test_raises", "ok", None))
    returned_object = run(*base, TestOutcome("test_raises", "error", error="unserialisable BoundedQueue"))
    raised_other = run(*base, TestOutcome("test_raises", "error", error="TypeError: bad"))

    messages = [
        grade(result, EXPECTED, visible={"test_raises"}).tests[2].message
        for result in (returned_nothing, returned_object, raised_other)
    ]

    assert messages == [
        "Expected KeyError; nothing was raised",
        "Expected KeyError; nothing was raised (it returned a BoundedQueue)",
        "Expected KeyError, but it raised TypeError: bad",
    ]
    assert grade(returned_object, EXPECTED, visible=set()).verdict == "wrong_answer"


def test_the_summary_counts_tests_and_says_what_went_wrong_in_the_candidates_terms() -> None:
    raised = run(
        TestOutcome("test_visible", "ok", [1, -1]),
        TestOutcome("test_hidden", "error", error="ValueError: input was [4, 5, 6]"),
        TestOutcome("test_raises", "ok", None),
    )
    different = run(
        TestOutcome("test_visible", "ok", [9]),
        TestOutcome("test_hidden", "ok", {"total": 4}),
        TestOutcome("test_raises", "error", error="KeyError: 'z'"),
    )
    assert grade(raised, EXPECTED, visible=set()).summary == (
        "1 of 3 tests passed; 1 raised an exception, 1 did not raise the expected exception"
    )
    assert grade(different, EXPECTED, visible=set()).summary == (
        "1 of 3 tests passed; 2 returned a different value"
    )
    assert "Runtime error" not in grade(raised, EXPECTED, visible=set()).summary


def test_an_uncomparable_return_value_says_what_to_return_instead() -> None:
    result = run(
        TestOutcome("test_visible", "error", error="unserialisable LRUCache"),
        TestOutcome("test_hidden", "ok", {"total": 3.0}),
        TestOutcome("test_raises", "error", error="KeyError: 'z'"),
    )
    message = grade(result, EXPECTED, visible={"test_visible"}).tests[0].message
    assert message == (
        "returned a LRUCache object, which the tests cannot compare: return plain values "
        "(numbers, strings, lists, dicts)"
    )


# A Submit's reference run observes only the generated cases; the fixed tests' expected values were stored at load.
CASES_ONLY_REFERENCE = run(
    TestOutcome("generated case 1", "ok", 10), TestOutcome("generated case 2", "ok", 20)
)
STORED_FIXED = {"test_visible": EXPECTED["test_visible"], "test_hidden": EXPECTED["test_hidden"]}


def paired(*tests: TestOutcome, reference: RunResult = CASES_ONLY_REFERENCE) -> Paired:
    return Paired(seed=1, result=run(*tests), reference=reference)


def test_a_submit_is_graded_on_the_stored_fixed_tests_then_the_references_generated_cases() -> None:
    right = paired(
        TestOutcome("test_visible", "ok", [1, -1]),
        TestOutcome("test_hidden", "ok", {"total": 3.0}),
        TestOutcome("generated case 1", "ok", 10),
        TestOutcome("generated case 2", "ok", 20),
    )
    verdict = grade_paired(right, visible={"test_visible"}, fixed=STORED_FIXED)
    assert verdict.verdict == "accepted"
    assert [row.name for row in verdict.tests] == [
        "test_visible",
        "test_hidden",
        "generated case 1",
        "generated case 2",
    ]


def test_a_submit_failing_a_fixed_test_the_reference_did_not_rerun_is_not_accepted() -> None:
    wrong = paired(
        TestOutcome("test_visible", "ok", [1, -1]),
        TestOutcome("test_hidden", "ok", {"total": 4}),
        TestOutcome("generated case 1", "ok", 10),
        TestOutcome("generated case 2", "ok", 20),
    )
    assert grade_paired(wrong, visible=set(), fixed=STORED_FIXED).verdict == "wrong_answer"


def test_a_fixed_test_without_a_stored_expectation_is_a_judge_error_never_a_pass() -> None:
    right = paired(
        TestOutcome("test_visible", "ok", [1, -1]),
        TestOutcome("generated case 1", "ok", 10),
        TestOutcome("generated case 2", "ok", 20),
    )
    verdict = grade_paired(right, visible=set(), fixed={**STORED_FIXED, "test_new": None})
    assert verdict.verdict == "judge_error"


def test_a_reference_that_also_observed_the_fixed_tests_is_graded_on_its_own_observations() -> None:
    # A job queued before this change ran the reference on every test: its observations win.
    full = run(TestOutcome("test_visible", "ok", [9]), *CASES_ONLY_REFERENCE.tests)
    submission = paired(
        TestOutcome("test_visible", "ok", [9]),
        TestOutcome("test_hidden", "ok", {"total": 3.0}),
        TestOutcome("generated case 1", "ok", 10),
        TestOutcome("generated case 2", "ok", 20),
        reference=full,
    )
    assert grade_paired(submission, visible=set(), fixed=STORED_FIXED).verdict == "accepted"


def test_integers_are_compared_exactly_and_huge_ones_never_crash_the_comparison() -> None:
    assert same(10**20, 10**20)
    assert not same(10**20, 10**20 + 1)  # a float tolerance would call these equal
    assert not same(10**400, 10**400 + 1)  # too big for a float: no OverflowError
    assert not same(10**400, 1.0)
    assert same(3, 3.0)
    assert same(0.1 + 0.2, 0.3)

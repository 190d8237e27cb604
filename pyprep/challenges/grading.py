"""Grade a submission's observations against the reference solution's, outside the sandbox. Pure."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pyprep.judge.pairing import Paired
from pyprep.judge.protocol import RunResult, TestOutcome

log = logging.getLogger("pyprep.challenges")

VERDICTS = (
    "accepted",
    "wrong_answer",
    "runtime_error",
    "time_limit",
    "memory_limit",
    "output_limit",
    "judge_error",
)
_LIMIT_VERDICTS = {"time_limit", "memory_limit", "output_limit", "judge_error", "runtime_error"}
# Every verdict a submission can end with, and how the page names it (also the Submission.verdict choices).
VERDICT_LABELS = {
    "accepted": "Accepted",
    "wrong_answer": "Wrong answer",
    "runtime_error": "Runtime error",
    "time_limit": "Time limit exceeded",
    "memory_limit": "Memory limit exceeded",
    "output_limit": "Output limit exceeded",
    "judge_error": "Judge error",
}


class ReferenceFailed(ValueError):
    """The reference solution itself did not produce usable observations."""


@dataclass(frozen=True)
class TestRow:
    """One test as the candidate sees it: expected/got/stdout are only filled for visible tests."""

    __test__ = False

    name: str
    passed: bool
    message: str
    visible: bool
    expected: Any = None
    got: Any = None
    stdout: str = ""


@dataclass(frozen=True)
class Verdict:
    verdict: str
    tests: tuple[TestRow, ...]
    summary: str
    traceback: str = ""

    @property
    def accepted(self) -> bool:
        return self.verdict == "accepted"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]


def expectations(result: RunResult) -> dict[str, Any]:
    """What the reference solution's run observed, to store at content load and grade against later."""
    if result.status != "ok":
        raise ReferenceFailed(f"reference run ended with {result.status}: {result.traceback.strip()[-300:]}")
    expected: dict[str, Any] = {}
    for test in result.tests:
        if test.status == "ok":
            expected[test.name] = {"status": "ok", "observation": test.observation}
        elif test.error.startswith("unserialisable"):
            raise ReferenceFailed(f"{test.name} returned a value the judge cannot compare ({test.error})")
        else:
            expected[test.name] = {"status": "error", "error": _error_type(test.error)}
    if not expected:
        raise ReferenceFailed("the tests module defines no test_* functions")
    return expected


def _error_type(error: str) -> str:
    return error.split(":", 1)[0].strip()


def same(expected: Any, got: Any) -> bool:
    """JSON-level equality; a float within 1e-9 relative, integers exactly, booleans never equal to numbers."""
    if isinstance(expected, bool) or isinstance(got, bool):
        return type(expected) is type(got) and expected == got
    if isinstance(expected, int) and isinstance(got, int):
        return expected == got  # exact: near-equal big integers are different answers
    if isinstance(expected, int | float) and isinstance(got, int | float):
        try:
            return expected == got or math.isclose(expected, got, rel_tol=1e-9, abs_tol=1e-12)
        except OverflowError:  # an integer too big for a float is never close to a different number
            return False
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(same(a, b) for a, b in zip(expected, got, strict=True))
    if isinstance(expected, dict) and isinstance(got, dict):
        return expected.keys() == got.keys() and all(same(expected[key], got[key]) for key in expected)
    return type(expected) is type(got) and expected == got


def observation_text(value: Any) -> str:
    """An observation as the candidate reads it: JSON, with a tuple written (1, 2) and a NaN/inf as nan/inf."""
    if isinstance(value, dict) and len(value) == 1:
        if isinstance(value.get("__tuple__"), list):
            items = [observation_text(item) for item in value["__tuple__"]]
            return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
        if isinstance(value.get("__float__"), str):
            return str(value["__float__"])
    if isinstance(value, list):
        return "[" + ", ".join(observation_text(item) for item in value) + "]"
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{json.dumps(key)}: {observation_text(item)}" for key, item in value.items())
            + "}"
        )
    return json.dumps(value)


# Why a test failed, in the words the summary counts them with.
RAISED = "raised an exception"
DIFFERENT = "returned a different value"
NO_RAISE = "did not raise the expected exception"
UNCOMPARABLE = "returned a value the tests cannot compare"
NOT_RUN = "did not run"
TAMPERED = "wrote to the judge's result channel"


def _row(name: str, want: dict[str, Any], outcome: TestOutcome | None, visible: bool) -> tuple[TestRow, str]:
    """The row for one test, and why it failed (empty when it passed) in the candidate's terms."""

    def row(passed: bool, message: str) -> TestRow:
        if not visible:
            return TestRow(name=name, passed=passed, message=message, visible=False)
        got = None if outcome is None else (outcome.observation if outcome.status == "ok" else outcome.error)
        shown = want.get("observation") if want.get("status") == "ok" else f"raises {want.get('error')}"
        stdout = "" if outcome is None else outcome.stdout
        return TestRow(
            name=name, passed=passed, message=message, visible=True, expected=shown, got=got, stdout=stdout
        )

    if outcome is None:
        return row(False, "did not run"), NOT_RUN
    if want.get("status") == "ok":
        if outcome.status == "ok":
            if same(want.get("observation"), outcome.observation):
                return row(True, "passed"), ""
            return row(
                False, "returned a different value" if visible else "wrong answer on a hidden test"
            ), DIFFERENT
        if outcome.error.startswith("unserialisable"):
            returned = outcome.error.removeprefix("unserialisable").strip() or "an object"
            return row(
                False,
                f"returned a {returned} object, which the tests cannot compare: return plain values "
                "(numbers, strings, lists, dicts)",
            ), UNCOMPARABLE
        if outcome.error == "tampered result":
            return row(False, "the result channel was written to by the submission"), TAMPERED
        # a hidden test's exception message could carry its inputs out: show only the type there
        shown_error = outcome.error if visible else _error_type(outcome.error)
        return row(False, f"raised {shown_error}"), RAISED
    wanted_error = str(want.get("error", ""))
    if outcome.status == "error" and _error_type(outcome.error) == wanted_error:
        return row(True, "passed"), ""
    if outcome.status == "error" and outcome.error.startswith("unserialisable"):
        # the test returned what the call gave back: the submission did not raise, it returned an object
        returned = outcome.error.removeprefix("unserialisable").strip() or "an object"
        return row(False, f"Expected {wanted_error}; nothing was raised (it returned a {returned})"), NO_RAISE
    if outcome.status == "error":
        shown_error = outcome.error if visible else _error_type(outcome.error)
        return row(False, f"Expected {wanted_error}, but it raised {shown_error}"), RAISED
    return row(False, f"Expected {wanted_error}; nothing was raised"), NO_RAISE


def passes(want: dict[str, Any], outcome: TestOutcome) -> bool:
    """Whether one test's outcome matches what the reference observed (as `grade` decides it)."""
    return not _row(outcome.name, want, outcome, visible=False)[1]


def summary_line(verdict: str, *, passed: int, total: int, failures: list[str]) -> str:
    """What happened, counted in tests: "4 of 7 tests passed; 3 raised an exception"."""
    tests = f"{total} test{'s' if total != 1 else ''}"
    if verdict == "accepted":
        return f"Accepted: all {tests} passed" if total != 1 else "Accepted: the test passed"
    counted = f"{passed} of {tests} passed"
    if verdict in _LIMIT_VERDICTS and verdict != "runtime_error":
        return f"{VERDICT_LABELS[verdict]}: your code was stopped ({counted} before that)"
    reasons = [
        f"{failures.count(reason)} {reason}"
        for reason in (RAISED, DIFFERENT, NO_RAISE, UNCOMPARABLE, TAMPERED, NOT_RUN)
        if reason in failures
    ]
    return f"{counted}; {', '.join(reasons)}" if reasons else counted


def grade(result: RunResult, expected: dict[str, Any], *, visible: set[str]) -> Verdict:
    """The verdict on one run: limits and crashes first, then every expected test in order."""
    outcomes = {test.name: test for test in result.tests}
    rows: list[TestRow] = []
    failures: list[str] = []
    for name, want in expected.items():
        row, failure = _row(name, want, outcomes.get(name), name in visible)
        rows.append(row)
        if failure:
            failures.append(failure)
    raised = RAISED in failures
    passed = sum(row.passed for row in rows)
    if result.status != "ok":
        verdict = result.status if result.status in _LIMIT_VERDICTS else "judge_error"
    elif passed == len(rows):
        verdict = "accepted"
    elif raised:
        verdict = "runtime_error"
    else:
        verdict = "wrong_answer"
    summary = summary_line(verdict, passed=passed, total=len(rows), failures=failures)
    return Verdict(verdict=verdict, tests=tuple(rows), summary=summary, traceback=result.traceback)


def paired_expectations(reference: RunResult, *, fixed: Mapping[str, Any]) -> dict[str, Any]:
    """Expected observations for a paired run: the fixed tests' (in order), then the generated cases'.

    `fixed` maps every fixed test the submission ran to the observation stored at content load (None when
    missing); the reference's own observation of a test wins when its run had one (a job queued before the
    reference ran the generated cases only). A fixed test with neither is the judge's failure, never a pass.
    """
    observed = expectations(reference)
    expected: dict[str, Any] = {}
    for name, stored in fixed.items():
        want = observed.pop(name, stored)
        if want is None:
            raise ReferenceFailed(f"no expected observation for {name} (stored at content load)")
        expected[name] = want
    expected.update(observed)
    return expected


def grade_paired(paired: Paired, *, visible: set[str], fixed: Mapping[str, Any]) -> Verdict:
    """The submission's verdict against the reference's observations on the same inputs.

    The reference run observes the generated cases; the fixed tests' expected observations are `fixed`
    (stored at content load; see `paired_expectations`). A reference that failed is the judge's problem,
    never the candidate's: judge_error.
    """
    try:
        expected = paired_expectations(paired.reference, fixed=fixed)
    except ReferenceFailed as exc:
        log.error("judge: the reference failed on seed %s: %s", paired.seed, exc)
        return Verdict(
            verdict="judge_error",
            tests=(),
            summary="Judge error: the reference solution could not be run on this submission's inputs",
            traceback="",  # the reference's failure is logged by the judge, never shown
        )
    return grade(paired.result, expected, visible=visible)

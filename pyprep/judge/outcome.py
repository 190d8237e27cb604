"""The verdict rules: what came back from a job, read into a RunResult. Pure: no I/O, no Django."""

from __future__ import annotations

import json
import logging
import re
import signal
from typing import Any

from pyprep.judge import policy
from pyprep.judge.exchange import Exchange
from pyprep.judge.protocol import Job, RunResult, TestOutcome

log = logging.getLogger("pyprep.judge")

SIGNAL_NAMES = {
    signal.SIGSEGV: "Segmentation fault",
    signal.SIGBUS: "Bus error",
    signal.SIGABRT: "Aborted",
    signal.SIGFPE: "Floating point exception",
    signal.SIGILL: "Illegal instruction",
    signal.SIGSYS: "Bad system call",
}


class Tampered(ValueError):
    """The result channel carried something the harness did not write: the submission's doing."""


_FRAME = re.compile(rb"([0-9a-f]{32}) ([0-9]{1,9}) (.*)", re.DOTALL)
_KINDS = {"test", "done", "fatal"}
TAMPERED = (
    "Your code interfered with the judge's result channel ({why}), so this run cannot be graded as passed. "
    "Solutions only need to return values from the functions the statement asks for."
)


def read_frames(data: bytes, *, nonce: str, expected_names: tuple[str, ...] | None) -> list[dict[str, Any]]:
    """The records the harness sent, checked against the job's nonce, their order and the tests sent.

    Raises Tampered for a line outside the frame, a gap, a malformed record (too deep, nameless, unknown
    kind), a test that was not sent or came out of order, a second "done", or anything after it.
    """
    records: list[dict[str, Any]] = []
    # The last piece is "" after a complete line, or a record cut short by a kill: never a record.
    lines = data.split(b"\n")[:-1]
    done = False
    tests_seen = 0
    for seq, line in enumerate(lines):
        match = _FRAME.fullmatch(line)
        if match is None or match.group(1).decode() != nonce:
            raise Tampered("a line without this job's frame")
        if int(match.group(2)) != seq:
            raise Tampered("records out of sequence")
        if done:
            raise Tampered("records after the end of the run")
        try:
            record = json.loads(match.group(3))
        except (ValueError, RecursionError):
            raise Tampered("a record that is not JSON the judge accepts") from None
        if not isinstance(record, dict) or record.get("kind") not in _KINDS:
            raise Tampered("a record of no known kind")
        if record["kind"] == "test":
            name = record.get("name")
            if not isinstance(name, str) or record.get("status") not in ("ok", "error"):
                raise Tampered("a test record without a name or status")
            if expected_names is not None and (
                tests_seen >= len(expected_names) or expected_names[tests_seen] != name
            ):
                raise Tampered("a result for a test that was not sent, or out of order")
            tests_seen += 1
        elif record["kind"] == "done":
            done = True
            if (
                expected_names is not None
                and record.get("status") == "ok"
                and tests_seen != len(expected_names)
            ):
                raise Tampered("the run ended before every test had reported")
        records.append(record)
    return records


def assemble(job: Job, got: Exchange, *, tier: str, duration_ms: float) -> RunResult:
    """Turn what came back into a RunResult. Pure: the verdict rules live here, not in the jail."""
    stdout = got.stdout.decode("utf-8", errors="replace")
    tests: list[TestOutcome] = []
    done: dict[str, Any] | None = None
    fatal = ""

    def result(status: str, traceback: str = "") -> RunResult:
        return RunResult(
            status=status,
            stdout=stdout,
            traceback=traceback,
            tests=tuple(tests),
            duration_ms=duration_ms,
            tier=tier,
        )

    report = got.report or {}
    state = report.get("state")
    if got.output_exceeded or got.results_exceeded:
        return result("output_limit", "Output limit exceeded.")
    if got.lost or not report:
        return result("judge_error", "The judge lost track of this job.")
    try:
        records = read_frames(got.results, nonce=job.nonce, expected_names=job.expected_names)
    except Tampered as exc:
        if state == "wall":
            return result("time_limit", "Time limit exceeded (wall clock).")
        return result("runtime_error", TAMPERED.format(why=exc))
    for record in records:
        kind = record["kind"]
        if kind == "test":
            outcome = TestOutcome.from_dict(record)
            tests.append(
                TestOutcome(
                    name=outcome.name,
                    status=outcome.status,
                    observation=outcome.observation,
                    error=outcome.error[:1000],
                    stdout=outcome.stdout[: policy.TEST_STDOUT_CHARS],
                )
            )
        elif kind == "done":
            done = record
        elif not tests and done is None:
            fatal = str(record.get("error", "runner failed"))
        else:
            return result("runtime_error", TAMPERED.format(why="a fatal record in the middle of a run"))

    if state == "setup_failed" or fatal:
        log.error("judge job setup failed: %s", report.get("error") or fatal)
        return result("judge_error", "The sandbox failed to start this job.")
    if state == "wall":
        return result("time_limit", "Time limit exceeded (wall clock).")
    if state == "killed":
        return result("judge_error", "The job was stopped by the judge.")
    cpu_limit_ms = max(1, -(-job.limits.cpu_seconds // 1)) * 1000.0
    sig = report.get("signal")
    if done is not None and sig is None:
        status = str(done.get("status", "runtime_error"))
        if status == "output_limit":
            return result("output_limit", "Output limit exceeded.")
        if status == "memory_limit":
            return result("memory_limit", "Memory limit exceeded.")
        if status == "ok":
            return result("ok")
        return result("runtime_error", str(done.get("traceback", ""))[:20000])
    # RLIMIT_CPU kills at the limit by the scheduler's clock; rusage can read ~10% lower on a busy VM.
    cpu_ms = report.get("cpu_ms")
    if sig in (signal.SIGKILL, signal.SIGXCPU) and (cpu_ms is None or float(cpu_ms) >= cpu_limit_ms * 0.5):
        return result("time_limit", "Time limit exceeded (CPU).")
    if sig == signal.SIGKILL:
        return result("memory_limit", "Killed (out of memory).")
    if sig is not None:
        name = SIGNAL_NAMES.get(sig, f"signal {sig}")
        return result("runtime_error", f"{name} (the interpreter crashed).")
    code = report.get("exit")
    if code == 0 and not job.tests:
        return result("ok")  # os._exit(0): the program ended on its own terms
    if code == 0:
        return result("runtime_error", "The program exited before the tests finished.")
    return result("runtime_error", f"The program exited with status {code}.")

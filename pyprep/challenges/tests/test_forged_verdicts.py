"""Forged results never become a verdict: hostile programs run on every tier, then graded like a submission.

The sandbox side of these attacks (what the program can reach) is tested in pyprep/judge/tests/test_attacks.py;
here the point is the verdict: a submission that writes on the result channel, patches the harness or knows
the fixed inputs is still not accepted, because expected values come from the reference on a fresh seed.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pyprep.challenges.grading import Verdict, grade, grade_paired
from pyprep.judge.pairing import run_paired
from pyprep.judge.protocol import Job, Limits, RunResult
from pyprep.judge.sandbox import Sandbox, SandboxUnavailable
from pyprep.judge.tests.conftest import TIER_IDS, start_variant, supported_tiers

QUICK = Limits(cpu_seconds=1.0, wall_seconds=2.0, memory_mb=128, output_bytes=65536, disk_mb=16)


@pytest.fixture(scope="module", params=TIER_IDS)
def sandbox(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    reason = supported_tiers()[request.param]
    if reason is not None:
        pytest.skip(reason)
    try:
        started = start_variant(request.param)
    except SandboxUnavailable as exc:
        pytest.fail(f"tier {request.param} is supported here but did not start: {exc}")
    with started:
        yield started


def attack(sandbox: Sandbox, source: str, tests: str = "") -> RunResult:
    """Run one attack, then prove the judge still serves an ordinary job."""
    result = sandbox.run(Job(source=source, tests=tests, limits=QUICK))
    assert result.status != "judge_error", result
    follow_up = sandbox.run(Job(source="print(sum(range(10)))", limits=QUICK))
    assert (follow_up.status, follow_up.stdout) == ("ok", "45\n"), follow_up
    return result


def test_forged_results_cannot_pass_hidden_tests(sandbox: Sandbox) -> None:
    # The submission shares a process with the harness, so it can find the result descriptor and write on
    # it. It still cannot pass: it would need the hidden expected value, which never enters the sandbox.
    source = (
        "import json, os\n"
        "def answer():\n    return 0\n"
        "forged = json.dumps({'kind': 'test', 'name': 'test_hidden', 'status': 'ok', 'observation': 12345}) + '\\n'\n"
        "done = json.dumps({'kind': 'done', 'status': 'ok', 'traceback': ''}) + '\\n'\n"
        "for fd in range(3, 64):\n"
        "    try:\n        os.write(fd, (forged + done).encode())\n"
        "    except OSError:\n        pass\n"
    )
    tests = "from solution import answer\ndef test_hidden():\n    return answer()\n"
    result = attack(sandbox, source, tests=tests)
    verdict = grade(result, {"test_hidden": {"status": "ok", "observation": 41}}, visible=set())
    assert verdict.verdict != "accepted"


def test_an_observation_with_a_lying_eq_is_not_trusted(sandbox: Sandbox) -> None:
    source = "class Always(int):\n    def __eq__(self, other):\n        return True\ndef answer():\n    return Always(0)\n"
    tests = "from solution import answer\ndef test_it():\n    return answer()\n"
    result = attack(sandbox, source, tests=tests)
    assert result.tests[0].status == "error"
    assert result.tests[0].error == "unserialisable Always"
    assert not grade(result, {"test_it": {"status": "ok", "observation": 7}}, visible={"test_it"}).accepted


# A small challenge with hidden tests that draw fresh inputs per submission: what the three forgeries the
# penetration test got Accepted are run against. The forger knows the test code and the fixed inputs.
REFERENCE = "def total(numbers):\n    return sum(numbers)\n"


CHALLENGE_TESTS = (
    "from solution import total\n"
    "def test_small():\n    return total([1, 2, 3])\n"
    "def test_hidden_edge():\n    return total([-5, 5, 10**12])\n"
    "def generate(rng, n):\n"
    "    return [[rng.randint(-10**9, 10**9) for _ in range(rng.randint(1, 20))] for _ in range(n)]\n"
    "def check(case):\n    return total(case)\n"
)


KNOWN = {"test_small": 6, "test_hidden_edge": 10**12}


def judge_against_reference(sandbox: Sandbox, source: str) -> tuple[RunResult, Verdict]:
    job = Job(
        source=source,
        tests=CHALLENGE_TESTS,
        test_names=("test_small", "test_hidden_edge"),
        cases=5,
        limits=QUICK,
    )
    paired = run_paired(sandbox, job=job, reference=REFERENCE)
    follow_up = sandbox.run(Job(source="print(sum(range(10)))", limits=QUICK))
    assert (follow_up.status, follow_up.stdout) == ("ok", "45\n"), follow_up
    # The fixed tests' expected values, as content load stores them from the reference's run.
    fixed = {name: {"status": "ok", "observation": value} for name, value in KNOWN.items()}
    return paired.result, grade_paired(paired, visible={"test_small"}, fixed=fixed)


def test_the_reference_itself_is_accepted_on_fresh_inputs(sandbox: Sandbox) -> None:
    result, verdict = judge_against_reference(sandbox, REFERENCE)
    assert verdict.verdict == "accepted", (result, verdict)
    assert len(result.tests) == 2 + 5


def test_writing_well_formed_result_records_and_exiting_is_not_accepted(sandbox: Sandbox) -> None:
    # The strongest form: the forger digs the job's nonce out of the harness's memory, so its frames are
    # perfect, and it knows every fixed answer. It still has to guess the fresh inputs' answers.
    source = (
        "import gc, json, os, stat\n"
        "def total(numbers):\n    raise ValueError('no idea')\n"
        "hexdigits = set('0123456789abcdef')\n"
        "nonces = set()\n"
        "for obj in gc.get_objects():\n"
        "    values = obj.values() if isinstance(obj, dict) else (\n"
        "        [c.cell_contents for c in obj.__closure__ or () if c.cell_contents is not None]\n"
        "        if hasattr(obj, '__closure__') else ())\n"
        "    try:\n        values = list(values)\n    except Exception:\n        values = []\n"
        "    for value in values:\n"
        "        if isinstance(value, str) and len(value) == 32 and set(value) <= hexdigits:\n"
        "            nonces.add(value)\n"
        f"known = {KNOWN!r}\n"
        "names = ['test_small', 'test_hidden_edge'] + [f'generated case {i}' for i in range(1, 6)]\n"
        "for nonce in nonces or {'0' * 32}:\n"
        "    lines = [json.dumps({'kind': 'test', 'name': n, 'status': 'ok', 'observation': known.get(n, 0), 'error': '', 'stdout': ''}) for n in names]\n"
        "    lines.append(json.dumps({'kind': 'done', 'status': 'ok', 'traceback': ''}))\n"
        "    data = ''.join(f'{nonce} {seq} {line}\\n' for seq, line in enumerate(lines)).encode()\n"
        "    for fd in range(3, 64):\n"
        "        try:\n"
        "            if stat.S_ISFIFO(os.fstat(fd).st_mode):\n                os.write(fd, data)\n"
        "        except OSError:\n            pass\n"
        "os._exit(0)\n"
    )
    result, verdict = judge_against_reference(sandbox, source)
    assert verdict.verdict != "accepted", (result, verdict)


def test_stray_records_without_the_jobs_frame_are_detected_as_tampering(sandbox: Sandbox) -> None:
    source = (
        "import json, os\n"
        "def total(numbers):\n    return 0\n"
        "record = json.dumps({'kind': 'test', 'name': 'test_small', 'status': 'ok', 'observation': 6}) + '\\n'\n"
        "for fd in range(3, 64):\n"
        "    try:\n        os.write(fd, record.encode())\n"
        "    except OSError:\n        pass\n"
    )
    result, verdict = judge_against_reference(sandbox, source)
    assert result.status == "runtime_error"
    assert "result channel" in result.traceback
    assert verdict.verdict == "runtime_error"


def test_replacing_json_dumps_does_not_turn_a_raising_solution_into_a_passing_one(sandbox: Sandbox) -> None:
    source = (
        "import json\n"
        "real_dumps = json.dumps\n"
        f"known = {KNOWN!r}\n"
        "def forged(obj, *args, **kwargs):\n"
        "    if isinstance(obj, dict) and obj.get('kind') == 'test':\n"
        "        obj = {**obj, 'status': 'ok', 'error': '', 'observation': known.get(obj.get('name'), 0)}\n"
        "    return real_dumps(obj, *args, **kwargs)\n"
        "json.dumps = forged\n"
        "json.encoder.JSONEncoder.encode = lambda self, obj: forged(obj)\n"
        "def total(numbers):\n    raise ValueError('no idea')\n"
    )
    result, verdict = judge_against_reference(sandbox, source)
    assert verdict.verdict == "runtime_error", (result, verdict)
    assert [test.status for test in result.tests] == ["error"] * 7


def test_a_lookup_table_of_the_hidden_inputs_is_not_accepted(sandbox: Sandbox) -> None:
    source = (
        "def total(numbers):\n    return {(1, 2, 3): 6, (-5, 5, 10**12): 10**12}.get(tuple(numbers), 0)\n"
    )
    result, verdict = judge_against_reference(sandbox, source)
    assert verdict.verdict == "wrong_answer", (result, verdict)
    assert [row.passed for row in verdict.tests[:2]] == [True, True]


def test_returning_a_deeply_nested_value_is_the_submissions_failure(sandbox: Sandbox) -> None:
    source = "def total(numbers):\n    value = []\n    for _ in range(1000):\n        value = [value]\n    return value\n"
    result, verdict = judge_against_reference(sandbox, source)
    assert result.status == "ok"
    assert verdict.verdict == "wrong_answer"
    assert "cannot compare" in verdict.tests[0].message

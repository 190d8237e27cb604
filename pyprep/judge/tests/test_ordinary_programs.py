"""Ordinary Python keeps working inside every tier: threads, asyncio, recursion, scratch files, tracebacks."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pyprep.judge.protocol import Job, Limits, generated_names
from pyprep.judge.sandbox import Sandbox

PROGRAMS = {
    "threads": (
        "import threading\nout = []\n"
        "ts = [threading.Thread(target=out.append, args=(i,)) for i in range(8)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\nprint(sorted(out))\n",
        "[0, 1, 2, 3, 4, 5, 6, 7]\n",
    ),
    "thread_pool": (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "with ThreadPoolExecutor() as pool:\n    print(sum(pool.map(lambda x: x * x, range(100))))\n",
        "328350\n",
    ),
    "deep_recursion_in_a_thread": (
        "import sys, threading\nsys.setrecursionlimit(20000)\nthreading.stack_size(64 << 20)\n"
        "def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\n"
        "out = []\nt = threading.Thread(target=lambda: out.append(depth(5000)))\nt.start(); t.join()\nprint(out)\n",
        "[5000]\n",
    ),
    "annotations_are_real_objects_not_the_judge_s_future_strings": (
        "def greet(name: str) -> None:\n    pass\nprint(greet.__annotations__['name'] is str)\n",
        "True\n",
    ),
    "a_thread_signals_the_main_thread": (
        # glibc must know the job's main thread by its own tid: a clone that leaves the zygote's there fails ESRCH
        "import signal, threading, time\ngot = []\nsignal.signal(signal.SIGUSR1, lambda *a: got.append(1))\n"
        "t = threading.Thread(target=signal.pthread_kill, args=(threading.main_thread().ident, signal.SIGUSR1))\n"
        "t.start(); t.join()\nfor _ in range(100):\n    if got:\n        break\n    time.sleep(0.01)\nprint(got)\n",
        "[1]\n",
    ),
    "asyncio": (
        "import asyncio\nasync def twice(x):\n    await asyncio.sleep(0.01)\n    return 2 * x\n"
        "async def main():\n    return await asyncio.gather(*(twice(i) for i in range(5)))\n"
        "print(asyncio.run(main()))\n",
        "[0, 2, 4, 6, 8]\n",
    ),
    "json_functools_datetime_decimal": (
        "import json, functools, datetime, decimal, fractions, statistics, collections\n"
        "@functools.lru_cache(None)\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
        "print(json.dumps({'fib': fib(80), 'd': str(decimal.Decimal('1.1') + 1)}),\n"
        "      datetime.date(2024, 2, 29).isoformat(), fractions.Fraction(1, 3) * 3, statistics.mean([1, 2, 3]),\n"
        "      collections.Counter('abca').most_common(1))\n",
        '{"fib": 23416728348467685, "d": "2.1"} 2024-02-29 1 2 [(\'a\', 2)]\n',
    ),
    "scratch_file_in_tmp": (
        "import tempfile, os\nwith open('/tmp/scratch.txt', 'w') as f:\n    f.write('hello')\n"
        "print(open('/tmp/scratch.txt').read(), os.path.getsize('/tmp/scratch.txt'))\n"
        "with tempfile.NamedTemporaryFile('w+') as t:\n    t.write('x'); t.flush(); t.seek(0); print(t.read())\n",
        "hello 5\nx\n",
    ),
    "stdin": (
        "import sys\nprint(sum(int(x) for x in sys.stdin.read().split()), input.__name__)\n",
        "6 input\n",
    ),
}


@pytest.mark.parametrize("name", PROGRAMS)
def test_ordinary_programs_run_unchanged(sandbox: Sandbox, name: str) -> None:
    source, expected = PROGRAMS[name]
    result = sandbox.run(Job(source=source, stdin="1 2 3" if name == "stdin" else ""))
    assert (result.status, result.stdout) == ("ok", expected), result


def test_random_numbers_differ_between_jobs(sandbox: Sandbox) -> None:
    draws = {sandbox.run(Job(source="import random\nprint(random.random())")).stdout for _ in range(3)}
    assert len(draws) == 3


def test_a_traceback_shows_only_the_submissions_own_lines(sandbox: Sandbox) -> None:
    source = "import json\n\ndef parse(text):\n    return json.loads(text)\n\nparse('{oops')\n"
    result = sandbox.run(Job(source=source))
    assert result.status == "runtime_error"
    assert 'File "solution.py", line 6, in <module>' in result.traceback
    assert 'File "solution.py", line 4, in parse' in result.traceback
    assert "json.decoder.JSONDecodeError" in result.traceback
    for judge_word in ("jail", "<string>", "decoder.py", "/tmp/"):  # noqa: S108 - a path in the job
        assert judge_word not in result.traceback


def test_a_syntax_error_points_at_the_submissions_line(sandbox: Sandbox) -> None:
    result = sandbox.run(Job(source="x = 1\ndef broken(:\n    pass\n"))
    assert result.status == "runtime_error"
    assert 'File "solution.py", line 2' in result.traceback
    assert "SyntaxError" in result.traceback


def test_sys_exit_with_an_error_code_is_a_runtime_error(sandbox: Sandbox) -> None:
    assert sandbox.run(Job(source="import sys\nprint('a')\nsys.exit(0)")).status == "ok"
    assert sandbox.run(Job(source="import sys\nsys.exit(3)")).status == "runtime_error"


def test_all_tests_of_a_job_run_in_one_start(sandbox: Sandbox) -> None:
    source = "import os\nCALLS = []\ndef f(x):\n    CALLS.append(x)\n    return [len(CALLS), os.getpid()]\n"
    tests = "".join(f"from solution import f\ndef test_{i}():\n    return f({i})\n" for i in range(10))
    result = sandbox.run(Job(source=source, tests=tests, limits=Limits()))
    assert result.status == "ok"
    assert [test.name for test in result.tests] == [f"test_{i}" for i in range(10)]
    counts = [test.observation[0] for test in result.tests]
    assert counts == list(range(1, 11))
    assert len({test.observation[1] for test in result.tests}) == 1


def test_only_the_named_tests_run_in_the_given_order(sandbox: Sandbox) -> None:
    tests = "def test_a():\n    return 'a'\ndef test_b():\n    return 'b'\ndef test_c():\n    return 'c'\n"
    result = sandbox.run(Job(source="", tests=tests, test_names=("test_c", "test_a")))
    assert [(test.name, test.observation) for test in result.tests] == [("test_c", "c"), ("test_a", "a")]


def test_a_job_without_fixed_tests_runs_only_the_generated_cases_on_its_seed(sandbox: Sandbox) -> None:
    tests = (
        "def test_slow():\n    raise AssertionError('a fixed test ran')\n"
        "def generate(rng, n):\n    return [rng.randint(0, 10**9) for _ in range(n)]\n"
        "def check(case):\n    return case\n"
    )
    job = Job(source="", tests=tests, test_names=("test_slow",), cases=3, seed=7)
    only_cases = sandbox.run(replace(job, fixed=False))
    everything = sandbox.run(job)
    assert only_cases.status == "ok", only_cases
    assert [test.name for test in only_cases.tests] == list(generated_names(3))
    assert [test.observation for test in only_cases.tests] == [t.observation for t in everything.tests[1:]]
    assert everything.tests[0].status == "error"


def test_a_submission_that_fails_to_import_is_a_runtime_error_with_its_traceback(sandbox: Sandbox) -> None:
    result = sandbox.run(
        Job(
            source="def f():\n    pass\n1 / 0\n",
            tests="from solution import f\ndef test_f():\n    return f()\n",
        )
    )
    assert result.status == "runtime_error"
    assert 'File "solution.py", line 3' in result.traceback
    assert result.tests == ()


def test_a_missing_function_is_reported_by_name(sandbox: Sandbox) -> None:
    result = sandbox.run(
        Job(source="def g():\n    pass\n", tests="from solution import f\ndef test_f():\n    return f()\n")
    )
    assert result.status == "runtime_error"
    assert "cannot import name 'f'" in result.traceback
    assert "<tests>" not in result.traceback


def test_each_tests_printing_is_captured_separately(sandbox: Sandbox) -> None:
    tests = "def test_a():\n    print('from a')\n    return 1\ndef test_b():\n    print('x' * 5000)\n    return 2\n"
    result = sandbox.run(Job(source="", tests=tests))
    assert result.tests[0].stdout == "from a\n"
    assert len(result.tests[1].stdout) == 2000

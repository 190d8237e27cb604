"""Hostile programs, run on every tier this machine supports: each attack fails and the judge keeps serving."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from pyprep.judge.protocol import Job, Limits, RunResult
from pyprep.judge.sandbox import Sandbox

PROJECT = Path(__file__).resolve().parents[3]
QUICK = Limits(cpu_seconds=1.0, wall_seconds=2.0, memory_mb=128, output_bytes=65536, disk_mb=16)


def attack(sandbox: Sandbox, source: str, limits: Limits = QUICK, tests: str = "") -> RunResult:
    """Run one attack, then prove the judge still serves an ordinary job."""
    result = sandbox.run(Job(source=source, tests=tests, limits=limits))
    assert result.status != "judge_error", result
    follow_up = sandbox.run(Job(source="print(sum(range(10)))", limits=QUICK))
    assert (follow_up.status, follow_up.stdout) == ("ok", "45\n"), follow_up
    return result


def slot_processes(sandbox: Sandbox) -> list[str]:
    """Host processes still running under this sandbox's slot uids (none once a job is over)."""
    out = subprocess.run(
        ["ps", "-eo", "uid=,pid=,stat=,args="], capture_output=True, text=True, check=True
    ).stdout
    first = sandbox.uid_base
    return [line for line in out.splitlines() if first <= int(line.split()[0]) < first + sandbox.slots]


def test_reading_etc_passwd_finds_nothing(sandbox: Sandbox) -> None:
    result = attack(sandbox, "print(open('/etc/passwd').read())")
    assert result.status == "runtime_error"
    assert "FileNotFoundError" in result.traceback
    assert "root:" not in result.stdout


def test_reading_the_project_settings_and_database_finds_nothing(sandbox: Sandbox) -> None:
    targets = [
        PROJECT / "config" / "settings" / "base.py",
        PROJECT / "var" / "pyprep.sqlite3",
        PROJECT / "manage.py",
    ]
    source = (
        "import os\n"
        f"for path in {[str(path) for path in targets]!r}:\n"
        "    try:\n        print(path, len(open(path, 'rb').read()))\n"
        "    except OSError as exc:\n        print(path, 'refused', type(exc).__name__)\n"
        f"print(os.path.exists({str(PROJECT)!r}))\n"
    )
    result = attack(sandbox, source)
    assert result.stdout.count("refused") == len(targets), result.stdout
    assert result.stdout.endswith("False\n")


def test_environment_variables_of_the_judge_are_not_visible(sandbox: Sandbox) -> None:
    os.environ["PYPREP_CANARY"] = "canary-s3cret"  # set after start: must not leak either way
    result = attack(sandbox, "import os\nprint(dict(os.environ))\nprint(open('/proc/self/environ').read())")
    assert "canary" not in result.stdout
    assert result.stdout.startswith("{}\n")
    assert "FileNotFoundError" in result.traceback


def test_other_processes_cannot_be_seen_through_proc(sandbox: Sandbox) -> None:
    result = attack(sandbox, f"print(open('/proc/{os.getpid()}/cmdline').read())\n")
    assert result.status == "runtime_error"
    assert "FileNotFoundError" in result.traceback


def test_tcp_and_udp_to_localhost_are_refused(sandbox: Sandbox) -> None:
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.bind(("127.0.0.1", 0))
    tcp.listen(1)
    tcp.settimeout(0.2)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    udp.settimeout(0.2)
    tcp_port, udp_port = tcp.getsockname()[1], udp.getsockname()[1]
    source = (
        "import socket\n"
        f"for make in (lambda: socket.create_connection(('127.0.0.1', {tcp_port}), timeout=1),\n"
        f"             lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('127.0.0.1', {udp_port}))):\n"
        "    try:\n        make(); print('connected')\n"
        "    except OSError as exc:\n        print('refused', type(exc).__name__)\n"
    )
    try:
        result = attack(sandbox, source)
        assert result.stdout == "refused PermissionError\nrefused PermissionError\n"
        with pytest.raises(TimeoutError):
            tcp.accept()
        with pytest.raises(TimeoutError):
            udp.recvfrom(10)
    finally:
        tcp.close()
        udp.close()


def test_dns_lookups_fail(sandbox: Sandbox) -> None:
    result = attack(sandbox, "import socket\nprint(socket.getaddrinfo('pypi.org', 443))")
    assert result.status == "runtime_error"
    assert "pypi" not in result.stdout


def test_a_fork_bomb_cannot_fork_once(sandbox: Sandbox) -> None:
    result = attack(sandbox, "import os\nwhile True:\n    os.fork()\n")
    assert result.status == "runtime_error"
    assert "PermissionError" in result.traceback


def test_no_process_outlives_its_job(sandbox: Sandbox) -> None:
    source = (
        "import os, subprocess, threading, time\n"
        "for start in (lambda: os.fork(), lambda: subprocess.Popen(['sleep', '30']), lambda: os.posix_spawn('/usr/bin/sleep', ['sleep', '30'], {})):\n"
        "    try:\n        start(); print('started')\n"
        "    except OSError as exc:\n        print('refused', type(exc).__name__)\n"
        "threading.Thread(target=time.sleep, args=(30,), daemon=True).start()\n"
    )
    result = attack(sandbox, source)
    assert result.status == "ok"
    assert "started" not in result.stdout
    if os.geteuid() == 0:
        # a process of another test's job may still be in its last milliseconds of exiting: allow that
        deadline = time.monotonic() + 2
        while slot_processes(sandbox) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert slot_processes(sandbox) == []


def test_allocating_four_gigabytes_is_a_memory_limit(sandbox: Sandbox) -> None:
    result = attack(sandbox, "x = bytearray(4 << 30)\nprint(len(x))")
    assert result.status == "memory_limit"


def test_an_infinite_loop_is_a_time_limit(sandbox: Sandbox) -> None:
    started = time.monotonic()
    result = attack(sandbox, "while True:\n    pass\n")
    assert result.status == "time_limit"
    assert time.monotonic() - started < 4


def test_sleeping_is_cut_by_the_wall_clock(sandbox: Sandbox) -> None:
    started = time.monotonic()
    result = attack(sandbox, "import time\ntime.sleep(60)\n", Limits(cpu_seconds=1, wall_seconds=1))
    assert result.status == "time_limit"
    assert time.monotonic() - started < 4


def test_a_hundred_megabytes_of_output_is_an_output_limit(sandbox: Sandbox) -> None:
    result = attack(sandbox, "import sys\nfor _ in range(100):\n    sys.stdout.write('x' * (1 << 20))\n")
    assert result.status == "output_limit"
    assert len(result.stdout) <= QUICK.output_bytes


def test_printing_inside_tests_is_also_capped(sandbox: Sandbox) -> None:
    tests = "def test_flood():\n    while True:\n        print('y' * 4096)\n"
    result = attack(sandbox, "", tests=tests)
    assert result.status == "output_limit"


def test_a_gigabyte_of_files_fills_only_the_jobs_small_disk(sandbox: Sandbox) -> None:
    source = (
        "written = 0\n"
        "try:\n"
        "    for i in range(1024):\n"
        "        with open(f'/tmp/f{i}', 'wb') as f:\n            f.write(b'x' * (1 << 20))\n"
        "        written += 1\n"
        "except OSError as exc:\n    print(type(exc).__name__)\n"
        "print(written)\n"
    )
    result = attack(sandbox, source)
    assert int(result.stdout.split()[-1]) <= QUICK.disk_mb
    follow = sandbox.run(Job(source="import os\nprint(sorted(os.listdir('/tmp')))", limits=QUICK))
    assert follow.stdout == "['solution.py']\n"


def test_signals_reach_neither_the_parent_nor_other_processes(sandbox: Sandbox) -> None:
    source = (
        "import os, signal\n"
        f"for pid in (os.getppid(), 1, -1, {os.getpid()}, {os.getppid()}):\n"
        "    try:\n        os.kill(pid, signal.SIGKILL); print('sent', pid)\n"
        "    except OSError as exc:\n        print('refused', type(exc).__name__)\n"
    )
    zygote = sandbox._zygote.process
    result = attack(sandbox, source)
    # The job's own pid 1 may "accept" a signal it then ignores; what matters is that the job ran on
    # (all five attempts reported) and that nothing outside the sandbox was hit.
    assert len(result.stdout.splitlines()) == 5, result
    assert f"sent {os.getpid()}" not in result.stdout
    assert zygote is not None
    assert zygote.poll() is None


def test_signalling_the_own_process_group_stays_inside(sandbox: Sandbox) -> None:
    # kill(0) signals the caller's process group. A job must have its own: the zygote's group on the host
    # (same uid in a user namespace) once lost its zygote, keepers and the other slot's job this way.
    zygote = sandbox._zygote.process
    source = "import os, signal, time\nos.kill(0, signal.SIGKILL)\ntime.sleep(0.2)\nprint('alive')\n"
    attack(sandbox, source)
    assert zygote is not None
    assert zygote.poll() is None


def test_ctypes_cannot_open_raw_sockets_fork_or_ptrace(sandbox: Sandbox) -> None:
    source = (
        "import ctypes\n"
        "libc = ctypes.CDLL('libc.so.6', use_errno=True)\n"
        "print('socket', libc.socket(2, 3, 1), ctypes.get_errno())\n"  # AF_INET, SOCK_RAW, ICMP
        "print('packet', libc.socket(17, 3, 0), ctypes.get_errno())\n"  # AF_PACKET
        "print('fork', libc.fork(), ctypes.get_errno())\n"
        "print('clone', libc.syscall(56, 17, 0, 0, 0, 0), ctypes.get_errno())\n"  # clone(SIGCHLD)
        "print('clone3', libc.syscall(435, 0, 0), ctypes.get_errno())\n"
        "print('ptrace', libc.ptrace(0, 0, 0, 0), ctypes.get_errno())\n"  # PTRACE_TRACEME
        "print('unshare', libc.unshare(0x10000000), ctypes.get_errno())\n"  # CLONE_NEWUSER
        "print('mount', libc.mount(b'none', b'/tmp', b'tmpfs', 0, None), ctypes.get_errno())\n"
        "print('io_uring', libc.syscall(425, 8, 0), ctypes.get_errno())\n"
    )
    result = attack(sandbox, source)
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert len(lines) == 9, result
    for name, outcome in lines.items():
        value, err = outcome.split()
        assert value == "-1", (name, outcome)
        assert int(err) == (38 if name == "clone3" else 1), (name, outcome)  # ENOSYS / EPERM


def test_running_bin_sh_is_impossible(sandbox: Sandbox) -> None:
    source = (
        "import os, subprocess\n"
        "print('system', os.system('id'))\n"
        "try:\n    print(subprocess.run(['/bin/sh', '-c', 'id'], capture_output=True).stdout)\n"
        "except OSError as exc:\n    print('refused', type(exc).__name__)\n"
        "try:\n    os.execv('/usr/bin/sh', ['sh', '-c', 'id'])\n"
        "except OSError as exc:\n    print('refused', type(exc).__name__)\n"
    )
    result = attack(sandbox, source)
    assert "uid=" not in result.stdout
    assert result.stdout.count("refused") == 2


def test_the_standard_library_cannot_be_overwritten(sandbox: Sandbox) -> None:
    source = (
        "import json, os\n"
        "for path in (json.__file__, os.__file__, os.path.dirname(os.__file__) + '/evil.py'):\n"
        "    try:\n        open(path, 'a').write('raise SystemExit(3)'); print('wrote', path)\n"
        "    except OSError as exc:\n        print('refused', type(exc).__name__)\n"
    )
    result = attack(sandbox, source)
    assert result.stdout.count("refused") == 3, result.stdout
    follow = sandbox.run(Job(source="import json\nprint(json.dumps([1]))", limits=QUICK))
    assert follow.stdout == "[1]\n"


def test_unbounded_recursion_ends_in_an_error_not_a_dead_judge(sandbox: Sandbox) -> None:
    source = "import sys\nsys.setrecursionlimit(10**7)\ndef f(n):\n    return f(n + 1) + 1\nf(0)\n"
    result = attack(sandbox, source)
    assert result.status in {"runtime_error", "memory_limit", "time_limit"}


def test_a_segfault_is_a_runtime_error(sandbox: Sandbox) -> None:
    result = attack(sandbox, "import ctypes\nctypes.string_at(0)\n")
    assert result.status == "runtime_error"
    assert "Segmentation fault" in result.traceback


def test_a_planted_symlink_is_never_followed_by_the_host(sandbox: Sandbox, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("host secret")
    source = (
        "import os\n"
        f"for name, target in (('solution.out', {str(secret)!r}), ('result.json', '/etc/shadow'), ('up', '/')):\n"
        "    os.symlink(target, '/tmp/' + name)\n"
        f"print(os.path.exists('/tmp/solution.out'))\n"
    )
    result = attack(sandbox, source)
    assert result.stdout == "False\n"
    assert "host secret" not in result.to_json()
    assert secret.read_text() == "host secret"


def test_a_thread_bomb_is_stopped(sandbox: Sandbox) -> None:
    source = (
        "import threading, time\nn = 0\n"
        "try:\n"
        "    for _ in range(10000):\n"
        "        threading.Thread(target=time.sleep, args=(5,), daemon=True).start(); n += 1\n"
        "except (RuntimeError, MemoryError) as exc:\n    print('stopped', type(exc).__name__)\n"
        "print(n < 10000)\n"
    )
    result = attack(sandbox, source)
    assert result.stdout.endswith("True\n"), result


def test_killing_the_zygote_is_survived(sandbox: Sandbox) -> None:
    zygote = sandbox._zygote.process
    assert zygote is not None
    os.kill(zygote.pid, signal.SIGKILL)
    zygote.wait()
    result = sandbox.run(Job(source="print('back')", limits=QUICK))
    assert result.stdout == "back\n"


def test_concurrent_jobs_do_not_see_each_other(sandbox: Sandbox) -> None:
    source = "import os, time\nopen('/tmp/mine', 'w').write(str(os.urandom(8)))\ntime.sleep(0.3)\nprint(sorted(os.listdir('/tmp')))\n"
    results: list[RunResult] = []
    threads = [
        threading.Thread(target=lambda: results.append(sandbox.run(Job(source=source)))) for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [result.stdout for result in results] == ["['mine', 'solution.py']\n"] * 2


# A Unix datagram socket that autobinds (SO_PASSCRED, then a send) gets an abstract name in its network
# namespace; dropped by its socketpair peer it is disconnected, so anyone in that namespace could then send it
# data, descriptors included. Jobs share one network namespace per sandbox: no job socket may ever get a name.
ABSTRACT_LISTENER = (
    "import socket\n"
    "mine, peer = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)\n"
    "peer.close()\n"
    "try:\n    mine.send(b'x')\nexcept OSError:\n    pass  # disconnected from the closed peer\n"
    "try:\n    mine.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)\n"
    "except OSError as exc:\n    print('refused', type(exc).__name__)\n"
    "try:\n    mine.send(b'x')\nexcept OSError:\n    pass  # no peer; an autobind would have happened first\n"
    "print('name', repr(mine.getsockname()))\n"
    "try:\n    mine.sendto(b'x', b'\\0pyprep-probe')\nexcept OSError as exc:\n    print('sendto', type(exc).__name__)\n"
)


def test_a_job_socket_never_gets_an_address_another_job_could_reach(sandbox: Sandbox) -> None:
    result = attack(sandbox, ABSTRACT_LISTENER)
    assert result.stdout.splitlines() == [
        "refused PermissionError",
        "name ''",
        "sendto ConnectionRefusedError",
    ], result


CHALLENGE_TESTS = (
    "from solution import total\n"
    "def test_small():\n    return total([1, 2, 3])\n"
    "def test_hidden_edge():\n    return total([-5, 5, 10**12])\n"
    "def generate(rng, n):\n"
    "    return [[rng.randint(-10**9, 10**9) for _ in range(rng.randint(1, 20))] for _ in range(n)]\n"
    "def check(case):\n    return total(case)\n"
)


def test_deeply_nested_json_or_nameless_records_on_the_channel_are_the_submissions_failure(
    sandbox: Sandbox,
) -> None:
    source = (
        "import os\n"
        "def total(numbers):\n    return sum(numbers)\n"
        'for payload in (\'[\' * 100000 + \']\' * 100000, \'{"kind": "test", "status": "ok"}\'):\n'
        "    for fd in range(3, 64):\n"
        "        try:\n            os.write(fd, (payload + '\\n').encode())\n"
        "        except OSError:\n            pass\n"
    )
    result = attack(sandbox, source, tests=CHALLENGE_TESTS)
    assert result.status == "runtime_error"
    assert "result channel" in result.traceback

# ruff: noqa: S103, S108, S606
"""Jail section: The runner: confine this process, then read the job from fd 0 and run it."""

from __future__ import annotations

import contextlib
import fcntl
import gc
import json
import math
import os
import resource
import select
import signal
import sys
from collections.abc import Callable
from typing import Any

if __name__ != "__main__":  # imported as a module; joined into the jail text, all of it is above
    from pyprep.judge.jail.harness import (
        describe_error,
        make_encoder,
        make_json_safe,
        run_job,
        submission_traceback,
    )
    from pyprep.judge.jail.prelude import (
        EXEC_BPF_FD,
        EXEC_RESULT_FD,
        PR_SET_DUMPABLE,
        PR_SET_NO_NEW_PRIVS,
        PR_SET_PDEATHSIG,
        drop_capabilities,
        load_seccomp,
        prctl,
    )


def set_limits(limits: dict[str, Any], *, baseline_kb: int, nproc: int, nofile: int) -> None:
    cpu = max(1, math.ceil(float(limits.get("cpu_seconds", 2.0))))
    # soft = hard: SIGXCPU's default action is ignored by a namespace's pid 1 (the runner), SIGKILL is not.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    address_space = (baseline_kb + int(limits.get("memory_mb", 256)) * 1024) * 1024
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    file_size = int(limits.get("disk_mb", 16)) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
    resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))
    resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_MEMLOCK, (0, 0))


def _arrange_fds(targets: dict[int, int]) -> None:
    """dup2 each source onto its target without one move clobbering a source still to be moved."""
    lifted = {target: fcntl.fcntl(source, fcntl.F_DUPFD_CLOEXEC, 256) for target, source in targets.items()}
    for target, source in lifted.items():
        os.dup2(source, target, inheritable=True)


def hide_fd(fd: int, keep: int | None = None) -> int:
    """Move the result channel to an unremarkable descriptor and close everything else but 0-2 (and keep)."""
    target = 10 + os.urandom(1)[0] % 40
    os.dup2(fd, target, inheritable=False)
    for low, high in ((3, target), (target + 1, 65536)):
        if keep is not None and low <= keep < high:
            os.closerange(low, keep)
            os.closerange(keep + 1, high)
        else:
            os.closerange(low, high)
    return target


def make_emit(result_fd: int, nonce: str) -> Callable[[dict[str, Any]], None]:
    """The result channel's writer: `<nonce> <seq> <json>` per line, from references taken now.

    The trusted side counts the frames against the tests it sent: a line without the nonce, a gap in the
    sequence or anything after "done" is tampering.
    """
    write, encode, to_bytes, seq = os.write, make_encoder(), str.encode, [0]
    convert = make_json_safe()

    def emit(record: dict[str, Any]) -> None:
        text = f"{nonce} {seq[0]} {encode(convert(record))}\n"
        seq[0] += 1
        data = memoryview(to_bytes(text, "utf-8", "backslashreplace"))
        while data:
            data = data[write(result_fd, data) :]

    return emit


def runner_execute(result_fd: int, *, stdout_chars: int, nonce: str) -> None:
    """Read the job (JSON on fd 0, to EOF), run it, and leave: never returns."""
    emit = make_emit(result_fd, nonce)
    try:
        chunks = []
        while True:
            chunk = os.read(0, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        job = json.loads(b"".join(chunks))
        job.pop("nonce", None)  # the harness's emit holds it; the job dict is the submission's to read
        import random

        random.seed()  # forked from the zygote: without this every job would draw the same numbers
        os.environ.clear()
        os.chdir("/tmp")
        sys.stdout = open(1, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        run_job(job, emit, stdout_chars=stdout_chars)
    except MemoryError:
        emit({"kind": "done", "status": "memory_limit", "traceback": ""})
    except BaseException as exc:  # noqa: BLE001 - reported, and the judge decides what it means
        with contextlib.suppress(BaseException):
            emit({"kind": "done", "status": "runtime_error", "traceback": submission_traceback(exc)})
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:  # noqa: BLE001, S110
            pass
        os._exit(0)


def runner_confine(
    *,
    limits: dict[str, Any],
    baseline_kb: int,
    nproc: int,
    nofile: int,
    uid: int | None,
    bpf: bytes,
    parent_alive: Callable[[], bool],
) -> None:
    gc.enable()
    set_limits(limits, baseline_kb=baseline_kb, nproc=nproc, nofile=nofile)
    if uid is not None:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
    drop_capabilities()
    # Armed after the last credential change: a change of uid or gid clears the parent-death signal.
    # The seccomp filter then refuses prctl(PR_SET_PDEATHSIG), so the job cannot clear it either.
    arm_parent_death()
    if not parent_alive():
        os._exit(75)  # the parent died before the signal was armed: nobody would ever stop this job
    prctl(PR_SET_DUMPABLE, 0)
    prctl(PR_SET_NO_NEW_PRIVS, 1)
    if bpf:
        load_seccomp(bpf)
    os.umask(0o077)


def arm_parent_death() -> None:
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def pipe_open(fd: int) -> Callable[[], bool]:
    """Whether the other end of a pipe is still held: the forkserver zygote keeps the write end while it lives."""

    def alive() -> bool:
        return not select.select([fd], [], [], 0)[0]  # readable means EOF: no writer is left

    return alive


def same_parent(expected: int) -> Callable[[], bool]:
    def alive() -> bool:
        return os.getppid() == expected

    return alive


def write_fatal(result_fd: int, nonce: str, exc: BaseException) -> None:
    record = json.dumps({"kind": "fatal", "error": describe_error(exc)})
    with contextlib.suppress(OSError):
        os.write(result_fd, f"{nonce} 0 {record}\n".encode())


def runner_main(argv: list[str]) -> None:
    """Entry point inside bwrap (or unsandboxed): fds 0-2 are the job's, 3 the result, 4 the filter."""
    parent = os.getppid()
    arm_parent_death()
    options = json.loads(argv[0])
    nonce = str(options["nonce"])
    bpf = b""
    if options.get("seccomp"):
        with os.fdopen(EXEC_BPF_FD, "rb") as handle:
            bpf = handle.read()
    result_fd = hide_fd(EXEC_RESULT_FD)
    try:
        runner_confine(
            limits=options["limits"],
            baseline_kb=int(options["baseline_kb"]),
            nproc=int(options["nproc"]),
            nofile=int(options["nofile"]),
            uid=None,
            bpf=bpf,
            parent_alive=same_parent(parent),
        )
    except BaseException as exc:  # noqa: BLE001
        write_fatal(result_fd, nonce, exc)
        os._exit(70)
    runner_execute(result_fd, stdout_chars=int(options["stdout_chars"]), nonce=nonce)

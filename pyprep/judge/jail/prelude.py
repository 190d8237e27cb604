# Paths under /tmp here are inside the job's private tmpfs, never the host's; execve is the bwrap launch.
# ruff: noqa: S103, S108, S606
"""Section 1 of the jail (see __init__.py): constants and syscall helpers.

Everything that runs outside the trusted judge process: the zygote, the runner, and (bwrap and none tiers)
the per-job keeper.

Standard library only. The judge starts this file's text as `python3 -I -S -B -X utf8 -c <text> zygote FD`
(tier "forkserver", or the launcher of tiers "bwrap" and "none") and, inside bwrap, as `... -c <text> runner`.
It never imports the project, so nothing of Django or of the site's settings is ever mapped into a job.

Process tree per job, forkserver tier (one process made per job):
    zygote (warm, single-threaded, never sees job data; holds every slot's wall clock, reaps, reports on `ctl`)
      runner (cloned ahead as a standby: pid 1 of fresh namespaces, its tmpfs root; given a job: own
              session, rlimits, slot uid, no_new_privs, seccomp; then reads the job and runs it)
"""

from __future__ import annotations

import ctypes
import os
import platform
import signal

# Linux x86_64 constants; ctypes gives no names for them.
CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_NOATIME = 1024
MS_NODIRATIME = 2048
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
MS_RELATIME = 1 << 21
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_SECCOMP = 22
PR_SET_CHILD_SUBREAPER = 36
PR_SET_NO_NEW_PRIVS = 38
SECCOMP_MODE_FILTER = 2
SYS_CAPSET = 126
LINUX_CAPABILITY_VERSION_3 = 0x20080522

SOLUTION_PATH = "/tmp/solution.py"
EXEC_RESULT_FD = 3  # the result channel as a bwrap/none runner receives it, before hiding it
EXEC_BPF_FD = 4
PREIMPORTS = (
    "abc", "array", "asyncio", "bisect", "cmath", "collections", "collections.abc", "concurrent.futures",
    "contextlib", "copy", "dataclasses", "datetime", "decimal", "enum", "fractions", "functools", "heapq",
    "io", "itertools", "json", "linecache", "math", "operator", "random", "re", "statistics", "string",
    "struct", "textwrap", "threading", "time", "traceback", "typing",
)  # fmt: skip

_libc = ctypes.CDLL(None, use_errno=True)
# Calls through this handle keep the GIL: a clone must happen with it held, exactly as os.fork() does.
_libc_gil = ctypes.PyDLL(None, use_errno=True)
_libc_gil.syscall.restype = ctypes.c_long
# clone's number, and the position of its child_tid argument (the ABIs order the last two differently).
SYS_CLONE, CLONE_CTID_ARG = {"x86_64": (56, 3), "aarch64": (220, 4)}.get(platform.machine(), (None, 0))
CLONE_CHILD_SETTID = 0x01000000


_TID_ADDRESS: list[int] = []


def _thread_tid_address() -> int:
    """Where glibc keeps this (main) thread's tid in its thread descriptor, or 0 if it cannot be told.

    fork() has the kernel write the child's tid there (CLONE_CHILD_SETTID); a raw clone must do the same, or
    glibc goes on using the parent's tid, and pthread_kill() of the main thread fails with ESRCH. The field is
    found as the one aligned 4-byte value in the descriptor equal to our tid (the main thread's tid is the pid).
    """
    try:
        _libc.pthread_self.restype = ctypes.c_void_p
        self_address = int(_libc.pthread_self() or 0)
        tid = os.getpid()
        raw = ctypes.string_at(self_address, 2048)
    except (AttributeError, OSError, ValueError):
        return 0
    if not self_address:
        return 0
    found = [
        offset
        for offset in range(0, len(raw), 4)
        if int.from_bytes(raw[offset : offset + 4], "little") == tid
    ]
    return self_address + found[0] if len(found) == 1 else 0


def _check(result: int, what: str) -> int:
    if result < 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")
    return result


def prctl(option: int, arg2: int = 0) -> None:
    _check(
        _libc.prctl(option, ctypes.c_ulong(arg2), ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0)),
        "prctl",
    )


def clone(flags: int) -> int:
    """fork() into new namespaces (`flags`: CLONE_NEW*): 0 in the child, the child's pid in the parent.

    Python has no clone(); this is os.fork() with the raw syscall in the middle: the same before/after-fork
    hooks run (import lock, threading, random's reseed). The caller must be single-threaded, as the zygote is.
    With CLONE_NEWPID the child is pid 1 of its own pid namespace; with a null stack it returns on a
    copy-on-write copy of the caller's, like fork.
    """
    if SYS_CLONE is None:
        raise OSError(0, f"clone: no syscall number known for {platform.machine()}")
    args = [ctypes.c_ulong(0)] * 4  # newsp (none: the child returns on a copy of this stack), ptid, ...
    if not _TID_ADDRESS:
        _TID_ADDRESS.append(_thread_tid_address())  # once: the zygote's one thread keeps its descriptor
    tid_address = _TID_ADDRESS[0]
    if tid_address:
        flags |= CLONE_CHILD_SETTID
        args[CLONE_CTID_ARG - 1] = ctypes.c_ulong(tid_address)
    api = ctypes.pythonapi
    api.PyOS_BeforeFork()
    pid = _libc_gil.syscall(ctypes.c_long(SYS_CLONE), ctypes.c_ulong(flags | signal.SIGCHLD), *args)
    err = ctypes.get_errno()
    if pid == 0:
        api.PyOS_AfterFork_Child()
        return 0
    api.PyOS_AfterFork_Parent()
    if pid < 0:
        raise OSError(err, f"clone: {os.strerror(err)}")
    return int(pid)


def unshare(flags: int) -> None:
    _check(_libc.unshare(ctypes.c_int(flags)), "unshare")


def mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    def enc(value: str | None) -> bytes | None:
        return None if value is None else value.encode()

    result = _libc.mount(enc(source), enc(target), enc(fstype), ctypes.c_ulong(flags), enc(data))
    _check(result, f"mount {target}")


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def load_seccomp(bpf: bytes) -> None:
    """Install a BPF program exported by libseccomp; a bare prctl so the jail needs no libseccomp."""
    buffer = ctypes.create_string_buffer(bpf, len(bpf))
    program = _SockFprog(len(bpf) // 8, ctypes.addressof(buffer))
    result = _libc.prctl(
        PR_SET_SECCOMP, ctypes.c_ulong(SECCOMP_MODE_FILTER), ctypes.c_void_p(ctypes.addressof(program)), 0, 0
    )
    _check(result, "seccomp")


def drop_capabilities() -> None:
    header = (ctypes.c_uint32 * 2)(LINUX_CAPABILITY_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)()
    _check(_libc.syscall(SYS_CAPSET, header, data), "capset")


def vm_size_kb() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * (os.sysconf("SC_PAGE_SIZE") // 1024)

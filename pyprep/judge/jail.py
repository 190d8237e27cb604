# Paths under /tmp here are inside the job's private tmpfs, never the host's; execve is the bwrap launch.
# ruff: noqa: S103, S108, S606
"""Everything that runs outside the trusted judge process: the zygote, the per-job keeper and the runner.

Standard library only. The judge starts this file's text as `python3 -I -S -B -X utf8 -c <text> zygote FD`
(tier "forkserver", or the launcher of tiers "bwrap" and "none") and, inside bwrap, as `... -c <text> runner`.
It never imports the project, so nothing of Django or of the site's settings is ever mapped into a job.

Process tree per job, forkserver tier:
    zygote (warm, single-threaded, never sees job data)
      keeper (trusted: namespaces, tmpfs root, wall clock, reports to the judge over `ctl`)
        runner (pid 1 of the job's pid namespace: own session, rlimits, slot uid, no_new_privs, seccomp;
                then reads the job and runs it; the keeper reaps it and reads its CPU time)
"""

from __future__ import annotations

import array
import contextlib
import ctypes
import fcntl
import gc
import io
import json
import math
import os
import resource
import select
import signal
import socket
import sys
import time
import traceback
import types
from collections.abc import Callable
from typing import Any

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


# --------------------------------------------------------------------------------------------------------
# The harness: runs inside the confined runner, in the same process as the submission.
# --------------------------------------------------------------------------------------------------------


class Unserialisable(Exception):
    pass


_MAX_DEPTH = 64
_MAX_NODES = 100_000


def make_json_safe() -> Callable[[Any], Any]:
    """A converter to JSON-able values that holds its own references to the builtins it uses.

    Built before any submission code runs, so replacing `builtins.type`, `sorted` or `json.dumps` later
    changes nothing here. The submission's objects never get to run their own code either (no __eq__,
    __iter__, __str__...): a list subclass is read with list.__iter__, an int must be exactly int, and
    anything else is refused.
    """
    _type, _issubclass, _sorted, _len = type, issubclass, sorted, len
    _isfinite, _float_repr, _int_repr = math.isfinite, float.__repr__, int.__repr__
    list_iter, tuple_iter, dict_items = list.__iter__, tuple.__iter__, dict.items
    set_iter, frozenset_iter = set.__iter__, frozenset.__iter__
    encode = make_encoder()

    def convert(value: Any) -> Any:
        budget = [_MAX_NODES]

        def walk(item: Any, depth: int) -> Any:
            budget[0] -= 1
            if budget[0] < 0 or depth > _MAX_DEPTH:
                raise Unserialisable("too large")
            kind = _type(item)
            if item is None or kind is bool or kind is int or kind is str:
                return item
            if kind is float:
                return item if _isfinite(item) else {"__float__": _float_repr(item)}
            if _issubclass(kind, list):
                return [walk(element, depth + 1) for element in list_iter(item)]
            if _issubclass(kind, tuple):
                return [walk(element, depth + 1) for element in tuple_iter(item)]
            if _issubclass(kind, dict):
                out: dict[str, Any] = {}
                for key, element in dict_items(item):
                    key_kind = _type(key)
                    if key_kind is str:
                        name = key
                    elif key_kind is bool or key is None:
                        name = "true" if key is True else "false" if key is False else "null"
                    elif key_kind is int:
                        name = _int_repr(key)
                    else:
                        raise Unserialisable(f"dict key {key_kind.__name__}")
                    out[name] = walk(element, depth + 1)
                return out
            if _issubclass(kind, (set, frozenset)):
                iterate = set_iter if _issubclass(kind, set) else frozenset_iter
                items = [walk(element, depth + 1) for element in iterate(item)]
                return _sorted(items, key=encode)
            raise Unserialisable(kind.__name__)

        try:
            return walk(value, 0)
        except ValueError as exc:  # an int too long to print (sys.set_int_max_str_digits)
            raise Unserialisable("int too large") from exc

    del _len
    return convert


def make_encoder() -> Callable[[Any], str]:
    """JSON text for what the converter returns, from references taken now (the C string quoter included)."""
    from _json import encode_basestring_ascii as quote

    _type, _float_repr, _int_repr = type, float.__repr__, int.__repr__
    list_iter, dict_items, join = list.__iter__, dict.items, ",".join

    def encode(value: Any) -> str:
        kind = _type(value)
        if value is None:
            return "null"
        if kind is bool:
            return "true" if value else "false"
        if kind is int:
            return _int_repr(value)
        if kind is float:
            return _float_repr(value)
        if kind is str:
            return quote(value)
        if kind is list:
            return "[" + join([encode(element) for element in list_iter(value)]) + "]"
        if kind is dict:
            return "{" + join([quote(k) + ":" + encode(v) for k, v in dict_items(value)]) + "}"
        raise Unserialisable(kind.__name__)

    return encode


def json_safe(value: Any) -> Any:
    """A JSON-able copy of `value` (see make_json_safe); for the trusted side's own tests."""
    return make_json_safe()(value)


def _safe_str(exc: BaseException) -> str:
    try:
        text = str(exc)
    except BaseException:  # noqa: BLE001 - a submission's exception may refuse even to print itself
        text = "<unprintable>"
    return text[:500]


def describe_error(exc: BaseException) -> str:
    message = _safe_str(exc)
    name = type(exc).__name__
    return f"{name}: {message}" if message else name


def submission_traceback(exc: BaseException) -> str:
    """The traceback as the candidate should see it: their own frames only, the file named solution.py."""
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__) if frame.filename == SOLUTION_PATH]
    lines = []
    if frames:
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.StackSummary.from_list(frames).format())
    try:
        lines.extend(traceback.format_exception_only(type(exc), exc))
    except BaseException:  # noqa: BLE001
        lines.append(describe_error(exc) + "\n")
    return "".join(lines).replace(SOLUTION_PATH, "solution.py")


class OutputLimitExceeded(Exception):
    pass


class _Capture(io.TextIOBase):
    """A test's sys.stdout: keeps the first few thousand characters, counts the rest against the job."""

    def __init__(self, keep: int, on_write: Callable[[int], None]) -> None:
        self._parts: list[str] = []
        self._kept = 0
        self._keep = keep
        self._on_write = on_write

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if type(text) is not str:
            raise TypeError("write() argument must be str")
        self._on_write(len(text))
        if self._kept < self._keep:
            piece = text[: self._keep - self._kept]
            self._parts.append(piece)
            self._kept += len(piece)
        return len(text)

    def value(self) -> str:
        return "".join(self._parts)


def run_job(job: dict[str, Any], emit: Callable[[dict[str, Any]], None], *, stdout_chars: int = 2000) -> None:
    """Run a program, or import a submission and call each test; emit one record per test, then "done".

    Everything the harness relies on after the submission is imported is bound here, before it is.
    """
    limits = job.get("limits") or {}
    output_budget = [int(limits.get("output_bytes", 65536))]
    convert = make_json_safe()
    _callable, _list, _range, _int, _exit, _sys = callable, list, range, int, os._exit, sys
    Random = __import__("random").Random
    capture_class, describe, new_module = _Capture, describe_error, types.ModuleType

    def count_output(size: int) -> None:
        output_budget[0] -= size
        if output_budget[0] < 0:
            emit({"kind": "done", "status": "output_limit", "traceback": ""})
            _exit(0)

    with open(SOLUTION_PATH, "w", encoding="utf-8") as handle:
        handle.write(job["source"])
    sys.path.insert(0, "/tmp")
    sys.stdin = io.TextIOWrapper(io.BytesIO(str(job.get("stdin", "")).encode()), encoding="utf-8")
    tests_source = job.get("tests") or ""
    if not tests_source:
        emit(_run_program(job["source"]))
        return
    try:
        import solution  # noqa: F401 - module-level code runs here; its prints go to the job's stdout
    except MemoryError:
        emit({"kind": "done", "status": "memory_limit", "traceback": ""})
        return
    except BaseException as exc:  # noqa: BLE001 - the submission may raise anything, SystemExit included
        emit({"kind": "done", "status": "runtime_error", "traceback": submission_traceback(exc)})
        return
    module = new_module("judge_tests")
    _sys.modules["judge_tests"] = module
    try:
        # dont_inherit: this module's own `from __future__ import annotations` must not leak into the job.
        code = compile(tests_source, "<tests>", "exec", dont_inherit=True)
        exec(code, module.__dict__)  # noqa: S102 - trusted test code
    except MemoryError:
        emit({"kind": "done", "status": "memory_limit", "traceback": ""})
        return
    except BaseException as exc:  # noqa: BLE001 - e.g. `from solution import f` where f is missing
        emit({"kind": "done", "status": "runtime_error", "traceback": submission_traceback(exc)})
        return
    names = _list(job.get("test_names") or ())
    if not names:
        names = [
            name
            for name, value in _list(module.__dict__.items())
            if name.startswith("test_") and _callable(value)
        ]
    calls: list[tuple[str, Any]] = [(name, module.__dict__.get(name)) for name in names]
    cases = _int(job.get("cases") or 0)
    if cases:
        generate: Any = module.__dict__.get("generate")
        check: Any = module.__dict__.get("check")
        try:
            if not (_callable(generate) and _callable(check)):
                raise LookupError("the tests module has no generate(rng, n) and check(case)")
            produced: Any = generate(Random(_int(job.get("seed") or 0)), cases)
            drawn = _list(produced)
        except BaseException as exc:  # noqa: BLE001 - the submission may have broken what generate uses
            emit(
                {
                    "kind": "done",
                    "status": "runtime_error",
                    "traceback": f"Drawing the test cases failed: {describe(exc)}\n",
                }
            )
            return
        for index in _range(cases):
            case = drawn[index] if index < len(drawn) else None
            calls.append((f"generated case {index + 1}", (lambda case=case: check(case))))
    real_stdout, real_stderr = _sys.stdout, _sys.stderr
    for name, function in calls:
        capture = capture_class(stdout_chars, count_output)
        _sys.stdout = _sys.stderr = capture
        record: dict[str, Any] = {
            "kind": "test",
            "name": name,
            "status": "ok",
            "observation": None,
            "error": "",
        }
        try:
            if not _callable(function):
                raise LookupError(f"no test named {name}")
            value = function()
            _sys.stdout, _sys.stderr = real_stdout, real_stderr
            try:
                record["observation"] = convert(value)
            except Unserialisable as exc:
                record["status"], record["error"] = "error", f"unserialisable {exc}"
        except MemoryError:
            _sys.stdout, _sys.stderr = real_stdout, real_stderr
            emit({"kind": "done", "status": "memory_limit", "traceback": ""})
            return
        except BaseException as exc:  # noqa: BLE001 - a failing test is an observation, not a crash
            _sys.stdout, _sys.stderr = real_stdout, real_stderr
            record["status"], record["error"] = "error", describe(exc)
        record["stdout"] = capture.value()
        emit(record)
    emit({"kind": "done", "status": "ok", "traceback": ""})


def _run_program(source: str) -> dict[str, Any]:
    main = types.ModuleType("__main__")
    main.__file__ = SOLUTION_PATH
    sys.modules["__main__"] = main
    status, text = "ok", ""
    try:
        code = compile(source, SOLUTION_PATH, "exec", dont_inherit=True)
        exec(code, main.__dict__)  # noqa: S102 - this is the sandboxed program
    except SystemExit as exc:
        if exc.code not in (None, 0):
            status, text = "runtime_error", f"SystemExit: {_safe_str(exc)}\n"
    except MemoryError:
        status = "memory_limit"
    except BaseException as exc:  # noqa: BLE001
        status, text = "runtime_error", submission_traceback(exc)
    try:
        import threading

        threading._shutdown()  # type: ignore[attr-defined]  # what the interpreter does at exit: join threads
    except BaseException:  # noqa: BLE001, S110
        pass
    return {"kind": "done", "status": status, "traceback": text}


# --------------------------------------------------------------------------------------------------------
# The runner: confine this process, then read the job from fd 0 and run it.
# --------------------------------------------------------------------------------------------------------


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
        os._exit(75)  # the keeper died before the signal was armed: nobody would ever stop this job
    prctl(PR_SET_DUMPABLE, 0)
    prctl(PR_SET_NO_NEW_PRIVS, 1)
    if bpf:
        load_seccomp(bpf)
    os.umask(0o077)


def arm_parent_death() -> None:
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def pipe_open(fd: int) -> Callable[[], bool]:
    """Whether the other end of a pipe is still held: the keeper keeps the write end until the job ends."""

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


# --------------------------------------------------------------------------------------------------------
# The keeper: one per job, trusted, forked by the zygote.
# --------------------------------------------------------------------------------------------------------


def _statvfs_mount_flags(path: str) -> int:
    flags = os.statvfs(path).f_flag
    pairs = (
        (os.ST_NOSUID, MS_NOSUID),
        (os.ST_NODEV, MS_NODEV),
        (os.ST_NOEXEC, MS_NOEXEC),
        (os.ST_NOATIME, MS_NOATIME),
        (os.ST_NODIRATIME, MS_NODIRATIME),
        (os.ST_RELATIME, MS_RELATIME),
    )
    return sum(ms for st, ms in pairs if flags & st)


def build_root(config: dict[str, Any], limits: dict[str, Any]) -> None:
    """Fresh tmpfs root with read-only binds of the interpreter and system libraries, then chroot into it."""
    root = config["root"]
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    size_kb = int(limits.get("disk_mb", 16)) * 1024
    mount(
        "tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, f"size={size_kb}k,nr_inodes={config['inodes']},mode=755"
    )
    for path in config["ro_binds"]:
        target = root + path
        os.makedirs(target, exist_ok=True)
        mount(path, target, None, MS_BIND | MS_REC)
        flags = MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | _statvfs_mount_flags(path)
        mount(None, target, None, flags)
    for link, destination in config["symlinks"]:
        os.symlink(destination, root + link)
    os.makedirs(root + "/dev", exist_ok=True)
    for device in config["devices"]:
        target = root + device
        os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o666))
        mount(device, target, None, MS_BIND)
    os.mkdir(root + "/tmp")
    os.chmod(root + "/tmp", 0o1777)
    os.chroot(root)
    os.chdir("/")


def _enter_namespaces(config: dict[str, Any]) -> None:
    flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS
    if config["userns"]:
        uid, gid = os.geteuid(), os.getegid()
        unshare(flags | CLONE_NEWUSER)
        with open("/proc/self/setgroups", "w") as handle:
            handle.write("deny")
        with open("/proc/self/uid_map", "w") as handle:
            handle.write(f"0 {uid} 1")
        with open("/proc/self/gid_map", "w") as handle:
            handle.write(f"0 {gid} 1")
    else:
        unshare(flags)


def _spawn_forked(config: dict[str, Any], request: dict[str, Any], fds: list[int], *, prepared: bool) -> int:
    """Forkserver tier: namespaces and root (unless a standby made them), then the runner as pid 1."""
    job_r, out_w, res_w, ctl = fds
    limits = request["limits"]
    if prepared:
        size_kb = int(limits.get("disk_mb", 16)) * 1024
        mount(
            None,
            "/",
            None,
            MS_REMOUNT | MS_NOSUID | MS_NODEV,
            f"size={size_kb}k,nr_inodes={config['inodes']}",
        )
    else:
        _enter_namespaces(config)
        build_root(config, limits)
    # The runner is pid 1 of its own pid namespace, so getppid() is 0 there whatever happens to the
    # keeper: it learns that the keeper is alive from a pipe whose write end only the keeper holds.
    alive_r, alive_w = os.pipe()
    runner = os.fork()
    if runner:
        os.close(alive_r)
        request["_alive_w"] = alive_w  # closed by the keeper when the job is over
        return runner
    # The runner is pid 1 of the job's namespace itself: no process of the job can fork (seccomp), so there
    # are no orphans to reap, and the keeper reads its exit status and CPU time with wait4.
    nonce = str(request["nonce"])
    try:
        arm_parent_death()
        os.close(ctl)
        os.close(alive_w)
        # Its own session and process group: kill(0, ...) must not reach the zygote's group on the host.
        os.setsid()
        _arrange_fds({0: job_r, 1: out_w, 2: out_w, 3: res_w, 4: alive_r})
        result_fd = hide_fd(3, keep=4)
    except BaseException:  # noqa: BLE001
        os._exit(71)
    try:
        uid = None if config["userns"] else config["uid_base"] + int(request["slot"])
        runner_confine(
            limits=limits,
            baseline_kb=config["baseline_kb"],
            nproc=config["nproc"],
            nofile=config["nofile"],
            uid=uid,
            bpf=config["bpf_bytes"],
            parent_alive=pipe_open(4),
        )
        os.close(4)
    except BaseException as exc:  # noqa: BLE001
        write_fatal(result_fd, nonce, exc)
        os._exit(70)
    runner_execute(result_fd, stdout_chars=config["stdout_chars"], nonce=nonce)
    os._exit(70)  # runner_execute never returns


def _exit_report(status: int, usage: Any) -> dict[str, Any]:
    return {
        "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        "cpu_ms": (usage.ru_utime + usage.ru_stime) * 1000.0,
    }


def _spawn_exec(config: dict[str, Any], request: dict[str, Any], fds: list[int]) -> int:
    """bwrap and none tiers: exec a fresh interpreter (under bwrap) that confines itself with the same filter."""
    job_r, out_w, res_w, ctl = fds
    options = {
        "limits": request["limits"],
        "baseline_kb": config["baseline_kb"],
        "nproc": config["nproc"],
        "nofile": config["nofile"],
        "stdout_chars": config["stdout_chars"],
        "seccomp": bool(config["bpf_bytes"]),
        "nonce": request["nonce"],
    }
    tmpfs_bytes = str(int(request["limits"].get("disk_mb", 16)) * 1024 * 1024)
    argv = [tmpfs_bytes if arg == "@TMPFS_BYTES@" else arg for arg in config["exec_prefix"]]
    argv.append(json.dumps(options))
    bpf_r, bpf_w = os.pipe()
    os.write(bpf_w, config["bpf_bytes"])  # ~1.4 KB: fits the pipe buffer, so no reader is needed yet
    os.close(bpf_w)
    keeper = os.getpid()
    pid = os.fork()
    if pid:
        os.close(bpf_r)
        return pid
    try:
        _arrange_fds({0: job_r, 1: out_w, 2: out_w, EXEC_RESULT_FD: res_w, EXEC_BPF_FD: bpf_r})
        os.closerange(EXEC_BPF_FD + 1, 65536)
        if config["drop_to_slot"]:
            uid = config["uid_base"] + int(request["slot"])
            os.setgroups([])
            os.setresgid(uid, uid, uid)
            os.setresuid(uid, uid, uid)
        # after the uid change, which clears it; bwrap's --die-with-parent arms it again for its own tree
        arm_parent_death()
        if os.getppid() != keeper:
            os._exit(75)
        os.execve(argv[0], argv, config["exec_env"])
    finally:
        os._exit(72)


def standby_main(config: dict[str, Any], channel: socket.socket) -> None:
    """A keeper made ahead of time: namespaces and root ready, it waits for its slot's next job."""
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    try:
        _enter_namespaces(config)
        build_root(config, {"disk_mb": 16})
    except BaseException:  # noqa: BLE001 - the zygote falls back to a fresh keeper when this one is gone
        os._exit(0)
    message, fds = _receive(channel)
    channel.close()
    if message:
        keeper_main(config, json.loads(message), fds, prepared=True)
    os._exit(0)


def keeper_main(
    config: dict[str, Any], request: dict[str, Any], fds: list[int], *, prepared: bool = False
) -> None:
    """Start the job, hold the wall clock, kill on request, and tell the judge how the job ended."""
    job_r, out_w, res_w, ctl = fds
    started = time.monotonic()
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    # Orphans of bwrap's own helpers land here rather than on a slow host init (see docs/judge.md).
    prctl(PR_SET_CHILD_SUBREAPER, 1)

    def tell(report: dict[str, Any]) -> None:
        report["wall_ms"] = (time.monotonic() - started) * 1000.0
        with contextlib.suppress(OSError):  # the judge may have gone; the job ends either way
            os.write(ctl, (json.dumps(report) + "\n").encode())

    try:
        if config["mode"] == "fork":
            child = _spawn_forked(config, request, fds, prepared=prepared)
        else:
            child = _spawn_exec(config, request, fds)
    except BaseException as exc:  # noqa: BLE001
        tell({"state": "setup_failed", "error": describe_error(exc)})
        os._exit(0)
    for fd in (job_r, out_w, res_w):
        os.close(fd)
    watch = os.pidfd_open(child)
    deadline = started + float(request["limits"].get("wall_seconds", 5.0))
    state = "exited"
    poller = select.poll()
    poller.register(watch, select.POLLIN)
    poller.register(ctl, select.POLLIN)
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            state = "wall"
            break
        events = dict(poller.poll(remaining * 1000))
        if watch in events:
            break
        if ctl in events:
            state = "killed"  # the judge asked (output limit), or the judge went away
            break
    report: dict[str, Any] = {"state": state}
    if state != "exited":
        os.kill(child, signal.SIGKILL)
    _, status, usage = os.wait4(child, 0)
    if "_alive_w" in request:
        os.close(request["_alive_w"])
    report.update(_exit_report(status, usage))
    if config["mode"] == "bwrap":
        # bwrap's own rusage leaves out the sandboxed process: the CPU time is unknown here
        report["cpu_ms"] = None
        if report["exit"] is not None and report["exit"] > 128:
            # bwrap passes a signal death on as 128 + the signal number
            report.update(exit=None, signal=report["exit"] - 128)
    _reap_all()
    tell(report)
    os._exit(0)


def _reap_all(within: float = 1.0) -> None:
    """Wait (briefly) until every descendant is gone, so no process of the job outlives the report.

    As a subreaper the keeper inherits whatever bwrap's helpers orphan; they are in a dead namespace and
    go within milliseconds.
    """
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.002)


# --------------------------------------------------------------------------------------------------------
# The zygote: warm, single-threaded, forks one keeper per request.
# --------------------------------------------------------------------------------------------------------


def zygote_main(fd: int) -> None:
    import base64
    import importlib
    import tempfile

    sock = socket.socket(fileno=fd)
    config = json.loads(sock.recv(1 << 20))
    config["bpf_bytes"] = base64.b64decode(config["bpf"])
    reply: dict[str, Any] = {"ready": True, "pid": os.getpid()}
    try:
        os.umask(0o022)
        prctl(PR_SET_CHILD_SUBREAPER, 1)
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # keepers and their orphans are reaped by the kernel
        if config["mode"] == "fork":
            for name in PREIMPORTS:
                importlib.import_module(name)
            config["root"] = tempfile.mkdtemp(prefix="pyprep-judge-")
            os.chmod(config["root"], 0o755)
            # forked runners start at this size: the memory budget goes on top of it
            config["baseline_kb"] = vm_size_kb()
        # Forked children must not drag every zygote object through the collector: that touches (and so
        # copies) most of the heap's pages right after each fork.
        gc.collect()
        gc.freeze()
        gc.disable()
    except BaseException as exc:  # noqa: BLE001
        reply = {"ready": False, "error": describe_error(exc)}
    reply["baseline_kb"] = config.get("baseline_kb", 0)
    sock.send(json.dumps(reply).encode())
    if not reply["ready"]:
        return
    try:
        _serve(sock, config)
    finally:
        if config.get("root"):
            with contextlib.suppress(OSError):
                os.rmdir(config["root"])


def _receive(sock: socket.socket) -> tuple[bytes, list[int]]:
    """One request and the descriptors that came with it; b"" when the other end has gone."""
    while True:
        try:
            message, ancillary, _flags, _addr = sock.recvmsg(1 << 16, socket.CMSG_SPACE(4 * 4))
            break
        except InterruptedError:
            continue
    fds: list[int] = []
    for level, kind, data in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.extend(int.from_bytes(data[i : i + 4], sys.byteorder) for i in range(0, len(data) - 3, 4))
    if message and len(fds) != 4:
        for extra in fds:
            os.close(extra)
        return _receive(sock)
    return message, fds


def _serve(sock: socket.socket, config: dict[str, Any]) -> None:
    # One standby keeper per slot (forkserver only): a job then starts without waiting for a fork,
    # namespaces and a root; the replacement is made while the job runs.
    standby: dict[int, socket.socket] = {}

    def forget_all() -> None:
        sock.close()
        for channel in standby.values():
            channel.close()

    def spawn_standby(slot: int) -> None:
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            pid = os.fork()
        except OSError:
            parent.close()
            child.close()
            return
        if pid == 0:
            try:
                forget_all()
                parent.close()
                standby_main(config, child)
            finally:
                os._exit(0)
        child.close()
        standby[slot] = parent

    warm = config["mode"] == "fork" and config.get("standby", True)
    if warm:
        for slot in range(int(config["slots"])):
            spawn_standby(slot)
    while True:
        message, fds = _receive(sock)
        if not message:
            return  # the judge closed its end: nothing more will come
        request = json.loads(message)
        slot = int(request["slot"])
        channel = standby.pop(slot, None)
        handed = False
        if channel is not None:
            try:
                channel.sendmsg([message], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))])
                handed = True
            except OSError:
                pass  # that standby died: make a keeper the slow way
            channel.close()
        if not handed:
            try:
                pid = os.fork()
            except OSError as exc:
                os.write(
                    fds[3],
                    (json.dumps({"state": "setup_failed", "error": describe_error(exc)}) + "\n").encode(),
                )
                pid = -1
            if pid == 0:
                try:
                    forget_all()
                    keeper_main(config, request, fds)
                finally:
                    os._exit(0)
        for extra in fds:
            os.close(extra)
        if warm:
            spawn_standby(slot)


def measure_main() -> None:
    """How big a freshly started runner is before it confines itself: the bwrap tier's memory baseline."""
    print(vm_size_kb())


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "zygote":
        zygote_main(int(sys.argv[2]))
    elif command == "runner":
        runner_main(sys.argv[2:])
    elif command == "measure":
        measure_main()
    else:
        raise SystemExit("usage: jail.py zygote FD | runner OPTIONS | measure")

"""The judge's sandbox: start one tier's zygote, hand it jobs over file descriptors, read what comes back."""

from __future__ import annotations

import array
import base64
import contextlib
import json
import logging
import os
import queue
import re
import secrets
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import Any

from pyprep.judge import policy
from pyprep.judge.containment import Cgroup
from pyprep.judge.protocol import Job, Limits, RunResult, TestOutcome

log = logging.getLogger("pyprep.judge")

TIERS = ("forkserver", "bwrap", "none")
JAIL_SOURCE = (Path(__file__).with_name("jail.py")).read_text()
RESULT_CAP = 8 << 20  # bytes of result records a job may send back before it is cut off
REPORT_CAP = 1 << 16
DEVICES = ("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random")
SIGNAL_NAMES = {
    signal.SIGSEGV: "Segmentation fault",
    signal.SIGBUS: "Bus error",
    signal.SIGABRT: "Aborted",
    signal.SIGFPE: "Floating point exception",
    signal.SIGILL: "Illegal instruction",
    signal.SIGSYS: "Bad system call",
}


class SandboxUnavailable(RuntimeError):
    """A tier could not start here; the message says why."""


@dataclass(frozen=True)
class Interpreter:
    path: str
    prefix: str
    stdlib: str
    platstdlib: str


def _interpreter_info(path: str) -> Interpreter:
    script = (
        "import json, sys, sysconfig; p = sysconfig.get_paths();"
        "print(json.dumps([sys.prefix, p['stdlib'], p['platstdlib']]))"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter and script
        [path, "-I", "-S", "-c", script], capture_output=True, text=True, timeout=20, check=True, env={}
    ).stdout
    prefix, stdlib, platstdlib = json.loads(out)
    return Interpreter(path=path, prefix=prefix, stdlib=stdlib, platstdlib=platstdlib)


def _open_to_others(path: str) -> bool:
    """Whether a uid with no special standing can reach and read `path` (and so run it)."""
    current = Path(path).resolve()
    if not current.exists() or not current.stat().st_mode & 0o005:
        return False
    return all(parent.stat().st_mode & 0o001 for parent in current.parents)


def choose_interpreter(*, for_other_users: bool) -> Interpreter:
    """This interpreter when it can be used; otherwise the system one of the same version.

    A pyenv interpreter under /root (mode 0700) cannot be reached by a slot uid or an unprivileged zygote,
    Debian's /usr/bin/python3.X can.
    """
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [
        os.path.realpath(os.path.join(sys.base_prefix, "bin", f"python{version}")),
        f"/usr/bin/python{version}",
        "/usr/local/bin/python" + version,
    ]
    for candidate in candidates:
        if os.path.exists(candidate) and (not for_other_users or _open_to_others(candidate)):
            return _interpreter_info(candidate)
    raise SandboxUnavailable(f"no Python {version} interpreter that an unprivileged uid can run")


def _collapse(paths: list[str]) -> list[str]:
    """Drop paths that sit under another one in the list; keep order."""
    kept: list[str] = []
    for path in sorted(set(paths), key=len):
        if not any(path == other or path.startswith(other.rstrip("/") + "/") for other in kept):
            kept.append(path)
    return kept


def _system_layout() -> tuple[list[str], list[tuple[str, str]]]:
    binds = ["/usr/lib"]
    if os.path.isdir("/usr/lib64"):
        binds.append("/usr/lib64")
    symlinks: list[tuple[str, str]] = []
    for top in ("/lib", "/lib64"):
        if os.path.islink(top):
            symlinks.append((top, os.readlink(top)))
        elif os.path.isdir(top):
            binds.append(top)
    return binds, symlinks


def _measure_baseline(interpreter: Interpreter) -> int:
    out = subprocess.run(  # noqa: S603 - our own interpreter and script
        [interpreter.path, "-I", "-S", "-B", "-X", "utf8", "-c", JAIL_SOURCE, "measure"],
        capture_output=True,
        text=True,
        timeout=20,
        check=True,
        env={"MALLOC_ARENA_MAX": "2"},
    ).stdout
    return int(out.strip())


def _bwrap_prefix(interpreter: Interpreter, symlinks: list[tuple[str, str]]) -> list[str]:
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxUnavailable("bubblewrap is not installed (apt-get install bubblewrap)")
    # fmt: off
    argv = [
        bwrap, "--unshare-all", "--unshare-user", "--disable-userns", "--new-session", "--die-with-parent",
        "--clearenv", "--setenv", "MALLOC_ARENA_MAX", "2", "--ro-bind", "/usr", "/usr",
    ]
    # fmt: on
    for link, destination in symlinks:
        argv += ["--symlink", destination, link]
    for top in ("/lib", "/lib64"):
        if os.path.isdir(top) and not os.path.islink(top):
            argv += ["--ro-bind", top, top]
    if not interpreter.prefix.startswith("/usr/"):
        argv += ["--ro-bind", interpreter.prefix, interpreter.prefix]
    argv += ["--dev", "/dev", "--size", "@TMPFS_BYTES@", "--tmpfs", "/tmp", "--chdir", "/tmp", "--"]  # noqa: S108
    argv += [interpreter.path, "-I", "-S", "-B", "-X", "utf8", "-c", JAIL_SOURCE, "runner"]
    return argv


class _Zygote:
    """One warm process of the chosen tier; talks SOCK_SEQPACKET and passes descriptors, never job data."""

    def __init__(
        self, *, tier: str, slots: int, run_as: tuple[int, int] | None, bpf: bytes, cgroup: Cgroup | None
    ) -> None:
        self.tier = tier
        self.cgroup = cgroup
        self.slots = slots
        self.run_as = run_as
        self.bpf = bpf
        # Each sandbox on a host gets its own block of slot uids: two judges (or a judge and a test run)
        # must not share RLIMIT_NPROC accounting or look like the same user to each other.
        self.uid_base = policy.slot_uid_block(slots)
        self.process: subprocess.Popen[bytes] | None = None
        self.sock: socket.socket | None = None
        self.lock = threading.Lock()

    def _config(self) -> tuple[Interpreter, dict[str, Any]]:
        root = os.geteuid() == 0
        privileged = root and self.run_as is None
        interpreter = choose_interpreter(for_other_users=True)
        binds, symlinks = _system_layout()
        config: dict[str, Any] = {
            "mode": {"forkserver": "fork", "bwrap": "bwrap", "none": "none"}[self.tier],
            "bpf": base64.b64encode(self.bpf).decode(),
            "uid_base": self.uid_base,
            "slots": self.slots,
            "userns": not privileged,
            "ro_binds": _collapse([interpreter.stdlib, interpreter.platstdlib, *binds]),
            "symlinks": symlinks,
            "devices": list(DEVICES),
            "inodes": policy.TMPFS_INODES,
            "nofile": policy.NOFILE,
            # every slot (and the zygote) shares one uid when there are no slot uids
            "nproc": policy.NPROC if privileged else policy.NPROC * (self.slots + 2),
            "stdout_chars": policy.TEST_STDOUT_CHARS,
            "drop_to_slot": privileged,
            "exec_env": {"MALLOC_ARENA_MAX": "2"},
            "exec_prefix": [],
            "baseline_kb": 0,
        }
        if self.tier == "bwrap":
            config["exec_prefix"] = _bwrap_prefix(interpreter, symlinks)
        elif self.tier == "none":
            config["exec_prefix"] = [
                interpreter.path,
                "-I",
                "-S",
                "-B",
                "-X",
                "utf8",
                "-c",
                JAIL_SOURCE,
                "runner",
            ]
        if self.tier != "forkserver":
            config["baseline_kb"] = _measure_baseline(interpreter)
        return interpreter, config

    def start(self) -> None:
        interpreter, config = self._config()
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        extra: dict[str, Any] = {}
        if self.run_as is not None:
            extra = {"user": self.run_as[0], "group": self.run_as[1], "extra_groups": []}
        try:
            # A fresh interpreter, not a fork of this (threaded) process.
            self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
                [
                    interpreter.path,
                    "-I",
                    "-S",
                    "-B",
                    "-X",
                    "utf8",
                    "-c",
                    JAIL_SOURCE,
                    "zygote",
                    str(child.fileno()),
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                pass_fds=[child.fileno()],
                env={"MALLOC_ARENA_MAX": "2"},
                start_new_session=True,
                cwd="/",
                **extra,
            )
        finally:
            child.close()
        if self.cgroup is not None:
            try:
                self.cgroup.adopt(self.process.pid)  # before the config: the zygote forks nothing until then
            except OSError as exc:
                parent.close()
                self.close()
                raise SandboxUnavailable(
                    f"{self.tier}: cannot move the zygote into {self.cgroup.path}: {exc}"
                ) from exc
        parent.settimeout(30)
        try:
            parent.send(json.dumps(config).encode())
            reply = json.loads(parent.recv(1 << 16) or b"{}")
        except (OSError, ValueError) as exc:
            self.close()
            raise SandboxUnavailable(f"{self.tier}: zygote did not answer ({exc})") from exc
        if not reply.get("ready"):
            self.close()
            raise SandboxUnavailable(f"{self.tier}: zygote failed: {reply.get('error', 'no reply')}")
        parent.settimeout(None)
        self.sock = parent
        log.debug(
            "judge %s zygote pid %s baseline %s kB", self.tier, reply.get("pid"), reply.get("baseline_kb")
        )

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None and self.sock is not None

    def send(self, request: dict[str, Any], fds: list[int]) -> None:
        if self.sock is None:
            raise OSError("zygote is closed")
        with self.lock:
            self.sock.sendmsg(
                [json.dumps(request).encode()],
                [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))],
            )

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None
        if self.process is not None:
            try:
                self.process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None


class Sandbox:
    """Runs jobs in the best available tier, `slots` at a time; safe to share between threads."""

    def __init__(self, *, tier: str, zygote: _Zygote, slots: int, allow_unsandboxed: bool) -> None:
        self.tier = tier
        self.slots = slots
        self.allow_unsandboxed = allow_unsandboxed
        self._zygote = zygote
        self.uid_base = zygote.uid_base
        # the containment of record, when this host has one: see containment.py
        self.cgroup = zygote.cgroup.path if zygote.cgroup is not None else None
        self.containment = f"cgroup v2 {self.cgroup}" if self.cgroup else "parent-death signals only"
        self._restart = threading.Lock()
        self._free: queue.Queue[int] = queue.Queue()
        for slot in range(slots):
            self._free.put(slot)

    @classmethod
    def start(
        cls,
        *,
        tier: str = "auto",
        slots: int = 2,
        allow_unsandboxed: bool = False,
        run_as: tuple[int, int] | None = None,
    ) -> Sandbox:
        """Start `tier`, or with "auto" the first of forkserver, bwrap that works here, else "none".

        `run_as` (uid, gid) starts the zygote unprivileged, which makes the forkserver use a user namespace.
        """
        bpf = policy.build_filter_bpf()
        wanted = ["forkserver", "bwrap"] if tier == "auto" else [tier]
        reasons: list[str] = []
        for name in wanted:
            try:
                sandbox = cls._start_tier(
                    name, slots=slots, allow_unsandboxed=allow_unsandboxed, run_as=run_as, bpf=bpf
                )
            except SandboxUnavailable as exc:
                reasons.append(str(exc))
                log.warning("judge tier %s unavailable: %s", name, exc)
                continue
            log.info("judge sandbox tier: %s (%d slots), containment: %s", name, slots, sandbox.containment)
            return sandbox
        if tier != "auto":
            raise SandboxUnavailable("; ".join(reasons))
        sandbox = cls._start_tier(
            "none", slots=slots, allow_unsandboxed=allow_unsandboxed, run_as=run_as, bpf=bpf
        )
        log.warning(
            "judge has NO sandbox tier (%s); untrusted code is %s",
            "; ".join(reasons),
            "RUN UNSANDBOXED (DEBUG)" if allow_unsandboxed else "refused",
        )
        return sandbox

    @classmethod
    def _start_tier(
        cls, tier: str, *, slots: int, allow_unsandboxed: bool, run_as: tuple[int, int] | None, bpf: bytes
    ) -> Sandbox:
        if tier not in TIERS:
            raise SandboxUnavailable(f"unknown tier {tier!r}")
        cgroup, why_not = Cgroup.create()
        if cgroup is None:
            log.warning(
                "judge %s: no cgroup v2 containment (%s); parent-death signals alone stop orphaned jobs",
                tier,
                why_not,
            )
        zygote = _Zygote(tier=tier, slots=slots, run_as=run_as, bpf=bpf, cgroup=cgroup)
        try:
            zygote.start()
        except (OSError, subprocess.SubprocessError, ValueError) as exc:
            zygote.close()
            if cgroup is not None:
                cgroup.remove()
            raise SandboxUnavailable(f"{tier}: {exc}") from exc
        sandbox = cls(tier=tier, zygote=zygote, slots=slots, allow_unsandboxed=allow_unsandboxed)
        smoke = sandbox.run(Job(source="print(6 * 7)", trusted=True))
        if smoke.status != "ok" or smoke.stdout != "42\n":
            sandbox.close()
            detail = f"{smoke.status}: {smoke.traceback} {smoke.stdout}"
            raise SandboxUnavailable(f"{tier}: smoke test failed: {detail.strip()[-500:]}")
        return sandbox

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._zygote.close()
        if self._zygote.cgroup is not None:
            self._zygote.cgroup.remove()

    def run(self, job: Job) -> RunResult:
        if self.tier == "none" and not job.trusted and not self.allow_unsandboxed:
            return RunResult(
                status="judge_error",
                traceback="No sandbox is available on this judge, so untrusted code is refused.",
                tier=self.tier,
            )
        slot = self._free.get()
        try:
            return self._run_in_slot(job, slot)
        except Exception:
            log.exception("judge failed to run a job")
            return RunResult(
                status="judge_error", traceback="The judge failed to run this job.", tier=self.tier
            )
        finally:
            self._free.put(slot)

    def _send(self, request: dict[str, Any], fds: list[int]) -> None:
        zygote = self._zygote
        try:
            zygote.send(request, fds)
            return
        except OSError:
            if zygote.alive():
                raise
        with self._restart:
            if self._zygote is zygote:
                log.warning("judge %s zygote died; starting a new one", self.tier)
                fresh = _Zygote(
                    tier=zygote.tier,
                    slots=zygote.slots,
                    run_as=zygote.run_as,
                    bpf=zygote.bpf,
                    cgroup=zygote.cgroup,
                )
                fresh.start()
                zygote.close()
                self._zygote = fresh
        self._zygote.send(request, fds)

    def _run_in_slot(self, job: Job, slot: int) -> RunResult:
        # A fresh nonce per run frames the result records; the harness gets it with the request, not the job.
        job = replace(job, nonce=secrets.token_hex(16))
        payload = replace(job, nonce="").to_json().encode()
        job_r, job_w = os.pipe()
        out_r, out_w = os.pipe()
        res_r, res_w = os.pipe()
        ctl, ctl_remote = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        mine = [job_w, out_r, res_r]
        started = time.monotonic()
        try:
            request = {"slot": slot, "limits": job.to_dict()["limits"], "nonce": job.nonce}
            try:
                self._send(request, [job_r, out_w, res_w, ctl_remote.fileno()])
            finally:
                for fd in (job_r, out_w, res_w):
                    os.close(fd)
                ctl_remote.close()
            mine.remove(job_w)  # _exchange owns and closes it: closing it is how the job sees end of input
            exchange = _exchange(job_w, out_r, res_r, ctl, payload, job.limits)
        finally:
            for fd in mine:
                os.close(fd)
            ctl.close()
        duration = (time.monotonic() - started) * 1000.0
        return assemble(job, exchange, tier=self.tier, duration_ms=duration)


@dataclass
class Exchange:
    """Everything a job sent back: its stdout, its result records, and the keeper's report."""

    stdout: bytes = b""
    results: bytes = b""
    report: dict[str, Any] | None = None
    output_exceeded: bool = False
    results_exceeded: bool = False
    lost: bool = False


def _exchange(
    job_w: int, out_r: int, res_r: int, ctl: socket.socket, payload: bytes, limits: Limits
) -> Exchange:
    """Feed the job, drain its outputs (capped), and wait for the keeper's report."""
    got = Exchange()
    out = bytearray()
    res = bytearray()
    rep = bytearray()
    sel = selectors.DefaultSelector()
    os.set_blocking(job_w, False)
    sel.register(job_w, selectors.EVENT_WRITE)
    sel.register(out_r, selectors.EVENT_READ)
    sel.register(res_r, selectors.EVENT_READ)
    sel.register(ctl, selectors.EVENT_READ)
    view = memoryview(payload)
    # The keeper holds the wall clock; this is only a backstop in case the keeper itself is lost.
    deadline = time.monotonic() + limits.wall_seconds + 10.0
    killed = False

    def kill() -> None:
        nonlocal killed
        if not killed:
            killed = True
            with contextlib.suppress(OSError):  # the keeper already left: the job is over anyway
                ctl.send(b"k")

    try:
        while sel.get_map():
            timeout = deadline - time.monotonic()
            if timeout <= 0:
                got.lost = not rep.endswith(b"\n")
                break
            for key, _ in sel.select(timeout):
                fd = key.fd
                if fd == job_w:
                    try:
                        written = os.write(job_w, view[:65536])
                    except (BrokenPipeError, BlockingIOError) as exc:
                        written = 0 if isinstance(exc, BlockingIOError) else len(view)
                    view = view[written:]
                    if not view:
                        sel.unregister(job_w)
                        os.close(job_w)
                        job_w = -1
                    continue
                try:
                    chunk = ctl.recv(65536) if fd == ctl.fileno() else os.read(fd, 65536)
                except ConnectionResetError:
                    chunk = b""  # the keeper left without reading our kill request: same as EOF
                if not chunk:
                    sel.unregister(fd)
                    continue
                if fd == out_r:
                    out += chunk
                    if len(out) > limits.output_bytes:
                        got.output_exceeded = True
                        del out[limits.output_bytes :]
                        sel.unregister(out_r)
                        kill()
                elif fd == res_r:
                    res += chunk
                    if len(res) > RESULT_CAP:
                        got.results_exceeded = True
                        sel.unregister(res_r)
                        kill()
                elif len(rep) < REPORT_CAP:
                    rep += chunk
            if rep.endswith(b"\n"):
                # the job is over; whatever is still unread in the pipes is already there
                deadline = min(deadline, time.monotonic() + 1.0)
    finally:
        if job_w >= 0:
            os.close(job_w)
        sel.close()
        if got.lost:
            kill()
    got.stdout, got.results = bytes(out), bytes(res)
    try:
        got.report = json.loads(rep.decode()) if rep else None
    except ValueError:
        got.report = None
    return got


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


def probe_tiers() -> dict[str, str | None]:
    """Each tier -> None if it starts and runs a job here, otherwise the reason it does not."""
    bpf = policy.build_filter_bpf()
    found: dict[str, str | None] = {}
    for tier in ("forkserver", "bwrap"):
        try:
            sandbox = Sandbox._start_tier(tier, slots=1, allow_unsandboxed=False, run_as=None, bpf=bpf)
        except SandboxUnavailable as exc:
            found[tier] = str(exc)
            continue
        sandbox.close()
        found[tier] = None
    found["none"] = None
    return found

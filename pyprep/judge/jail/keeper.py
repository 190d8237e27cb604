# ruff: noqa: S103, S108, S606
"""Jail section: the job's root (forkserver) and the keeper of tiers bwrap and none: one per job, trusted."""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import sys
import time
from typing import Any

if __name__ != "__main__":  # imported as a module; joined into the jail text, all of it is above
    from pyprep.judge.jail.config import JobRequest, ZygoteState
    from pyprep.judge.jail.harness import (
        describe_error,
    )
    from pyprep.judge.jail.prelude import (
        EXEC_BPF_FD,
        EXEC_RESULT_FD,
        MS_BIND,
        MS_NOATIME,
        MS_NODEV,
        MS_NODIRATIME,
        MS_NOEXEC,
        MS_NOSUID,
        MS_PRIVATE,
        MS_RDONLY,
        MS_REC,
        MS_RELATIME,
        MS_REMOUNT,
        PR_SET_CHILD_SUBREAPER,
        PR_SET_PDEATHSIG,
        mount,
        prctl,
    )
    from pyprep.judge.jail.runner import (
        _arrange_fds,
        arm_parent_death,
    )


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


def build_root(config: ZygoteState, limits: dict[str, Any]) -> None:
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


def _exit_report(status: int, usage: Any) -> dict[str, Any]:
    return {
        "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        "cpu_ms": (usage.ru_utime + usage.ru_stime) * 1000.0,
    }


def _spawn_exec(config: ZygoteState, request: JobRequest, fds: list[int]) -> int:
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


def _receive(sock: socket.socket, count: int = 4) -> tuple[bytes, list[int]]:
    """One request and the `count` descriptors that came with it; b"" when the other end has gone."""
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
    if message and len(fds) != count:
        for extra in fds:
            os.close(extra)
        return _receive(sock, count)
    return message, fds


def keeper_main(config: ZygoteState, request: JobRequest, fds: list[int]) -> None:
    """Tiers bwrap and none: start the job, hold the wall clock, kill on request, tell the judge how it ended.

    (The forkserver tier has no keeper: its zygote holds the wall clocks itself, see forkserver.py.)"""
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

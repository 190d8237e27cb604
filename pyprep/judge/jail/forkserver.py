# ruff: noqa: S103, S108, S606
"""Jail section: the forkserver tier, one process made per job.

The zygote clones each job's runner straight into fresh namespaces and holds every slot's wall clock itself;
there is no keeper process per job. Per slot one standby is made ahead of time, while the slot's previous job
runs: `clone(CLONE_NEWNS|NEWPID|NEWIPC|NEWUTS[|NEWUSER])` makes it pid 1 of namespaces of its own (the network
namespace is the zygote's own empty one, made once and shared by the jobs; see `enter_job_network`); it
builds its tmpfs root, chroots, and waits on its channel. A job's request (slot, limits, nonce) and its three
descriptors (job in, stdout, results) go down that channel; the standby then confines itself exactly as a
runner does (`runner_confine`) and runs the job.

The zygote polls the runners' pidfds, the judge's `ctl` sockets and the deadlines: past the wall clock, or on a
byte or EOF from the judge, it sends SIGKILL (which takes the whole pid namespace); it reaps each runner with
`wait4` (exit status, CPU time) and writes the report on `ctl`. It still never sees job data.
"""

from __future__ import annotations

import array
import contextlib
import json
import os
import select
import signal
import socket
import time
from typing import Any

if __name__ != "__main__":  # imported as a module; joined into the jail text, all of it is above
    from pyprep.judge.jail.config import ZygoteState
    from pyprep.judge.jail.keeper import _exit_report, _receive, build_root
    from pyprep.judge.jail.prelude import (
        CLONE_NEWIPC,
        CLONE_NEWNET,
        CLONE_NEWNS,
        CLONE_NEWPID,
        CLONE_NEWUSER,
        CLONE_NEWUTS,
        MS_NODEV,
        MS_NOSUID,
        MS_REMOUNT,
        clone,
        mount,
        unshare,
    )
    from pyprep.judge.jail.runner import (
        _arrange_fds,
        arm_parent_death,
        hide_fd,
        pipe_open,
        runner_confine,
        runner_execute,
        write_fatal,
    )

# Per job. The network namespace is not among them: the zygote makes one, empty, for all its jobs (see
# `enter_job_network`).
JOB_NAMESPACES = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS
STANDBY_CHANNEL_FD = 3
ZYGOTE_ALIVE_FD = 4


def _map_to_root(uid: int, gid: int) -> None:
    """In a fresh user namespace: be uid/gid 0 there, mapped to the zygote's own ids outside."""
    with open("/proc/self/setgroups", "w") as handle:
        handle.write("deny")
    with open("/proc/self/uid_map", "w") as handle:
        handle.write(f"0 {uid} 1")
    with open("/proc/self/gid_map", "w") as handle:
        handle.write(f"0 {gid} 1")


def enter_job_network(config: ZygoteState) -> tuple[int, int]:
    """Move the zygote into a fresh, empty network namespace that every job it clones then shares.

    Made once instead of per job: creating a network namespace (sysctl tables, loopback, IPv6 set-up) and
    tearing it down cost more CPU than the rest of a job's namespaces together. Sharing it is safe because a
    job can put nothing in it: the seccomp filter refuses socket(), bind(), connect() and setsockopt(), so
    its only sockets are unnamed socketpairs that no other job can find, and it has no capabilities to
    configure the loopback. The zygote needs no network either. Without root the zygote first enters a user
    namespace of its own (where it is uid 0, mapped to its own ids), which the jobs' user namespaces nest in.
    Returns the ids a job's user namespace maps its uid 0 to.
    """
    if config["userns"]:
        ids = (os.geteuid(), os.getegid())
        unshare(CLONE_NEWUSER | CLONE_NEWNET)
        _map_to_root(*ids)
    else:
        unshare(CLONE_NEWNET)
    return os.geteuid(), os.getegid()


def standby_main(config: ZygoteState, channel: int, alive_r: int, ids: tuple[int, int]) -> None:
    """The cloned child, pid 1 of its own namespaces: make the root, wait for the slot's next job, run it.

    Never returns. `alive_r` is the read end of a pipe whose write end only the zygote holds: as pid 1 of
    its namespace the runner's getppid() is 0 whatever happens, so that pipe is how it learns, once its
    parent-death signal is armed for the last time, that the zygote has not already gone.
    """
    try:
        arm_parent_death()
        # Only the channel and the pipe stay: the zygote's socket to the judge, the other standby's channel and
        # the running jobs' descriptors must not be reachable here (nor hold an end open).
        _arrange_fds({STANDBY_CHANNEL_FD: channel, ZYGOTE_ALIVE_FD: alive_r})
        os.closerange(ZYGOTE_ALIVE_FD + 1, 65536)
    except BaseException:  # noqa: BLE001 - the zygote's hand-over fails and it clones another
        os._exit(0)
    failure: BaseException | None = None
    try:
        # Its own session and process group: kill(0, ...) must not reach the zygote's group on the host.
        os.setsid()
        if config["userns"]:
            _map_to_root(*ids)
        build_root(config, {"disk_mb": 16})
    except BaseException as exc:  # noqa: BLE001 - reported to the judge with the job, as a fatal record
        failure = exc
    channel_sock = socket.socket(fileno=STANDBY_CHANNEL_FD)
    message, fds = _receive(channel_sock, 3)
    channel_sock.close()
    if not message:
        os._exit(0)  # the zygote is gone, or closing
    request = json.loads(message)
    nonce = str(request["nonce"])
    limits = request["limits"]
    try:
        job_r, out_w, res_w = fds
        _arrange_fds({0: job_r, 1: out_w, 2: out_w, 3: res_w})
        result_fd = hide_fd(3, keep=ZYGOTE_ALIVE_FD)
    except BaseException:  # noqa: BLE001
        os._exit(71)
    try:
        if failure is not None:
            raise failure
        size_kb = int(limits.get("disk_mb", 16)) * 1024
        mount(
            None,
            "/",
            None,
            MS_REMOUNT | MS_NOSUID | MS_NODEV,
            f"size={size_kb}k,nr_inodes={config['inodes']}",
        )
        runner_confine(
            limits=limits,
            baseline_kb=config["baseline_kb"],
            nproc=config["nproc"],
            nofile=config["nofile"],
            uid=None if config["userns"] else config["uid_base"] + int(request["slot"]),
            bpf=config["bpf_bytes"],
            parent_alive=pipe_open(ZYGOTE_ALIVE_FD),
        )
        os.close(ZYGOTE_ALIVE_FD)
    except BaseException as exc:  # noqa: BLE001
        write_fatal(result_fd, nonce, exc)
        os._exit(70)
    runner_execute(result_fd, stdout_chars=config["stdout_chars"], nonce=nonce)
    os._exit(70)  # runner_execute never returns


class _Running:
    """One job the zygote is watching."""

    __slots__ = ("ctl", "deadline", "pid", "pidfd", "started", "state")

    def __init__(self, *, pid: int, ctl: int, wall_seconds: float) -> None:
        self.pid = pid
        self.pidfd = os.pidfd_open(pid)
        self.ctl = ctl
        self.started = time.monotonic()
        self.deadline = self.started + wall_seconds
        self.state = ""  # "" while it runs; "wall" or "killed" once the zygote has sent SIGKILL


def _tell(ctl: int, report: dict[str, Any]) -> None:
    with contextlib.suppress(OSError):  # the judge may have gone; the job is over either way
        os.write(ctl, (json.dumps(report) + "\n").encode())


def serve_forkserver(sock: socket.socket, config: ZygoteState) -> None:
    """The zygote's loop for the forkserver tier, until the judge closes its end of `sock`."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # every runner is reaped with wait4: status and CPU time
    alive_r, alive_w = os.pipe()  # the zygote holds the write end for as long as it lives
    ids = config["job_ids"]
    flags = JOB_NAMESPACES | (CLONE_NEWUSER if config["userns"] else 0)
    standby: dict[int, tuple[int, socket.socket]] = {}
    wanted: list[int] = []  # slots whose next standby is still to be cloned
    by_pidfd: dict[int, _Running] = {}
    by_ctl: dict[int, _Running] = {}
    poller = select.poll()
    poller.register(sock, select.POLLIN)

    def make_standby() -> tuple[int, socket.socket] | None:
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            pid = clone(flags)
        except OSError:
            parent.close()
            child.close()
            return None
        if pid == 0:
            try:
                standby_main(config, child.fileno(), alive_r, ids)
            finally:
                os._exit(0)
        child.close()
        return pid, parent

    def hand_over(slot: int, message: bytes, fds: list[int]) -> int | None:
        """The pid of the standby that took the job (a fresh one if the slot's own died), or None."""
        for _attempt in range(2):
            made = standby.pop(slot, None) or make_standby()
            if made is None:
                return None
            pid, channel = made
            try:
                channel.sendmsg([message], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))])
                return pid
            except OSError:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, 0)
            finally:
                channel.close()
        return None

    def start_job(message: bytes, fds: list[int]) -> None:
        request = json.loads(message)
        slot = int(request["slot"])
        ctl = fds[3]
        pid = hand_over(slot, message, fds[:3])
        for fd in fds[:3]:
            os.close(fd)
        if pid is None:
            _tell(ctl, {"state": "setup_failed", "error": "the zygote could not clone the job's runner"})
            os.close(ctl)
        else:
            job = _Running(pid=pid, ctl=ctl, wall_seconds=float(request["limits"].get("wall_seconds", 5.0)))
            by_pidfd[job.pidfd] = job
            by_ctl[ctl] = job
            poller.register(job.pidfd, select.POLLIN)
            poller.register(ctl, select.POLLIN)
        if slot not in wanted:
            wanted.append(slot)  # its next standby is cloned once nothing else is waiting (below)

    def stop(job: _Running, state: str) -> None:
        job.state = state
        with contextlib.suppress(OSError):
            signal.pidfd_send_signal(job.pidfd, signal.SIGKILL)
        poller.unregister(job.ctl)
        del by_ctl[job.ctl]

    def finish(job: _Running) -> None:
        _, status, usage = os.wait4(job.pid, 0)
        poller.unregister(job.pidfd)
        del by_pidfd[job.pidfd]
        os.close(job.pidfd)
        if job.ctl in by_ctl:
            poller.unregister(job.ctl)
            del by_ctl[job.ctl]
        report: dict[str, Any] = {"state": job.state or "exited", **_exit_report(status, usage)}
        report["wall_ms"] = (time.monotonic() - job.started) * 1000.0
        _tell(job.ctl, report)
        os.close(job.ctl)

    for slot in range(int(config["slots"])):
        made = make_standby()
        if made is not None:
            standby[slot] = made
    try:
        while True:
            waiting = [job.deadline for job in by_pidfd.values() if not job.state]
            timeout = None if not waiting else max(0.0, min(waiting) - time.monotonic()) * 1000.0 + 1.0
            if wanted:
                timeout = 0  # look for work first: a standby is cloned only when none is waiting
            # each event with the job it was for: a descriptor closed while handling one event may be reused
            # by a job started while handling the next
            events = [(fd, by_pidfd.get(fd) or by_ctl.get(fd)) for fd, _ in poller.poll(timeout)]
            if not events and wanted:
                # A clone takes the zygote a millisecond or more: done while nothing waits, it never delays
                # another slot's hand-over or report. A job that arrives first clones its own (hand_over).
                slot = wanted.pop(0)
                if slot not in standby:
                    made = make_standby()
                    if made is not None:
                        standby[slot] = made
            for fd, job in events:
                if fd == sock.fileno():
                    message, fds = _receive(sock)
                    if not message:
                        return  # the judge closed its end: nothing more will come
                    start_job(message, fds)
                elif job is not None and by_pidfd.get(fd) is job:
                    finish(job)
                elif job is not None and by_ctl.get(fd) is job:
                    stop(job, "killed")  # the judge asked (output limit), or the judge went away
            now = time.monotonic()
            for job in list(by_pidfd.values()):
                if not job.state and job.deadline <= now:
                    stop(job, "wall")
    finally:
        for job in by_pidfd.values():
            with contextlib.suppress(OSError):
                signal.pidfd_send_signal(job.pidfd, signal.SIGKILL)
        for pid, _channel in standby.values():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        os.close(alive_w)

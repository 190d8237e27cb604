"""The zygote's lifecycle on the trusted side: its start-up configuration, its process, the socket to it."""

from __future__ import annotations

import array
import base64
import json
import logging
import os
import socket
import subprocess
import threading
from typing import Any

from pyprep.judge import policy
from pyprep.judge.containment import Cgroup
from pyprep.judge.interpreter import (
    Interpreter,
    SandboxUnavailable,
    _bwrap_prefix,
    _collapse,
    _measure_baseline,
    _system_layout,
    choose_interpreter,
)
from pyprep.judge.jail import JAIL_SOURCE
from pyprep.judge.jail.config import JailConfig, JobRequest

log = logging.getLogger("pyprep.judge")

DEVICES = ("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random")


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

    def _config(self) -> tuple[Interpreter, JailConfig]:
        root = os.geteuid() == 0
        privileged = root and self.run_as is None
        interpreter = choose_interpreter(for_other_users=True)
        binds, symlinks = _system_layout()
        config: JailConfig = {
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

    def send(self, request: JobRequest, fds: list[int]) -> None:
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

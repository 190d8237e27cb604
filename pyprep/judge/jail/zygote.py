# ruff: noqa: S103, S108, S606
"""Jail section: The zygote: warm, single-threaded; clones each forkserver runner, or forks a keeper per job."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import socket
import sys
from typing import Any

if __name__ != "__main__":  # imported as a module; joined into the jail text, all of it is above
    from pyprep.judge.jail.config import ZygoteState
    from pyprep.judge.jail.forkserver import enter_job_network, serve_forkserver
    from pyprep.judge.jail.harness import (
        describe_error,
    )
    from pyprep.judge.jail.keeper import (
        _receive,
        keeper_main,
    )
    from pyprep.judge.jail.prelude import (
        PR_SET_CHILD_SUBREAPER,
        PREIMPORTS,
        prctl,
        vm_size_kb,
    )
    from pyprep.judge.jail.runner import (
        runner_main,
    )


def zygote_main(fd: int) -> None:
    import base64
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
            preimport(PREIMPORTS)
            config["root"] = tempfile.mkdtemp(prefix="pyprep-judge-")
            os.chmod(config["root"], 0o755)
            # forked runners start at this size: the memory budget goes on top of it
            config["baseline_kb"] = vm_size_kb()
            config["job_ids"] = enter_job_network(config)
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


def preimport(names: tuple[str, ...]) -> None:
    """Import `names` without the at-fork hooks they register (threading, random, logging, concurrent.futures).

    Those hooks run Python code in every child right after each clone, and that code's reference counting
    copies pages of the zygote's heap: with them a clone's child had taken ~260 page faults before its first
    line ran; without, ~70 (os.fork() of an interpreter with these imports, measured). None is needed: the zygote
    is single-threaded and holds none of those locks when it clones, so they are already as the hooks would
    leave them (and the child keeps the main thread's ident), and the runner reseeds `random` itself before a
    job. Jobs cannot fork, so nothing ever needs the hooks after that.
    """
    import importlib

    register = os.register_at_fork
    os.register_at_fork = lambda **_hooks: None
    try:
        for name in names:
            importlib.import_module(name)
    finally:
        os.register_at_fork = register


def _serve(sock: socket.socket, config: ZygoteState) -> None:
    if config["mode"] == "fork":
        serve_forkserver(sock, config)  # clones each runner itself and holds the wall clocks
        return
    # bwrap and none: one keeper per job, which execs the runner and holds its wall clock.
    while True:
        message, fds = _receive(sock)
        if not message:
            return  # the judge closed its end: nothing more will come
        request = json.loads(message)
        try:
            pid = os.fork()
        except OSError as exc:
            os.write(
                fds[3], (json.dumps({"state": "setup_failed", "error": describe_error(exc)}) + "\n").encode()
            )
            pid = -1
        if pid == 0:
            try:
                sock.close()
                keeper_main(config, request, fds)
            finally:
                os._exit(0)
        for extra in fds:
            os.close(extra)


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

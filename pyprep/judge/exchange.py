"""The I/O loop of one job: feed it the job, drain its stdout and result records (capped), read the report.

The report comes on `ctl` from whoever holds the job's wall clock: the zygote (forkserver), or the job's
keeper (bwrap, none); "the keeper" below means either."""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pyprep.judge.protocol import Limits

RESULT_CAP = 8 << 20  # bytes of result records a job may send back before it is cut off
REPORT_CAP = 1 << 16


@dataclass
class Exchange:
    """Everything a job sent back: its stdout, its result records, and the keeper's report."""

    stdout: bytes = b""
    results: bytes = b""
    report: dict[str, Any] | None = None
    output_exceeded: bool = False
    results_exceeded: bool = False
    lost: bool = False


def run_exchange(
    job_w: int,
    out_r: int,
    res_r: int,
    ctl: socket.socket,
    payload: bytes,
    limits: Limits,
    *,
    enough: Callable[[bytes], bool] | None = None,
) -> Exchange:
    """Feed the job, drain its outputs (capped), and wait for the keeper's report.

    `enough(results so far)` may end the job early once what came back already decides what the caller
    wants to know (the keeper stops it as it does at a limit; the report's state is "killed")."""
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
                    elif enough is not None and enough(bytes(res)):
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

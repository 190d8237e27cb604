"""The judge's sandbox: a pool of slots over one tier's zygote; runs a job and reads what comes back.

The parts: `interpreter` (which Python, which files a job sees), `zygote` (the warm process and its
configuration), `exchange` (the I/O loop of one job), `outcome` (the verdict rules, pure), `jail` (what runs
outside this process).
"""

from __future__ import annotations

import logging
import os
import queue
import secrets
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from types import TracebackType

from pyprep.judge import policy
from pyprep.judge.containment import Cgroup
from pyprep.judge.exchange import run_exchange
from pyprep.judge.interpreter import SandboxUnavailable, choose_interpreter
from pyprep.judge.jail.config import JobRequest
from pyprep.judge.outcome import Tampered, assemble, read_frames
from pyprep.judge.protocol import Job, RunResult, TestOutcome
from pyprep.judge.zygote import _Zygote

__all__ = ["TIERS", "Sandbox", "SandboxUnavailable", "choose_interpreter", "probe_tiers"]

log = logging.getLogger("pyprep.judge")

TIERS = ("forkserver", "bwrap", "none")


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

    def run(self, job: Job, *, stop: Callable[[TestOutcome], bool] | None = None) -> RunResult:
        """Run `job` in a free slot. `stop(test)` is asked about each test as it reports; once it says True
        the job is stopped there (state "killed", the tests so far kept): mutation testing stops a mutant at
        its first failing test instead of running the rest."""
        if self.tier == "none" and not job.trusted and not self.allow_unsandboxed:
            return RunResult(
                status="judge_error",
                traceback="No sandbox is available on this judge, so untrusted code is refused.",
                tier=self.tier,
            )
        slot = self._free.get()
        try:
            return self._run_in_slot(job, slot, stop=stop)
        except Exception:
            log.exception("judge failed to run a job")
            return RunResult(
                status="judge_error", traceback="The judge failed to run this job.", tier=self.tier
            )
        finally:
            self._free.put(slot)

    def _send(self, request: JobRequest, fds: list[int]) -> None:
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

    def _run_in_slot(
        self, job: Job, slot: int, *, stop: Callable[[TestOutcome], bool] | None = None
    ) -> RunResult:
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
            request: JobRequest = {"slot": slot, "limits": job.to_dict()["limits"], "nonce": job.nonce}
            try:
                self._send(request, [job_r, out_w, res_w, ctl_remote.fileno()])
            finally:
                for fd in (job_r, out_w, res_w):
                    os.close(fd)
                ctl_remote.close()
            mine.remove(job_w)  # run_exchange owns and closes it: closing it is how the job sees end of input
            exchange = run_exchange(
                job_w, out_r, res_r, ctl, payload, job.limits, enough=_stopper(job, stop) if stop else None
            )
        finally:
            for fd in mine:
                os.close(fd)
            ctl.close()
        duration = (time.monotonic() - started) * 1000.0
        return assemble(job, exchange, tier=self.tier, duration_ms=duration)


def _stopper(job: Job, stop: Callable[[TestOutcome], bool]) -> Callable[[bytes], bool]:
    """`stop` asked once about each test record that has come back whole (a malformed stream is left to
    `assemble` to judge, as always)."""
    asked = [0]

    def enough(results: bytes) -> bool:
        try:
            records = read_frames(results, nonce=job.nonce, expected_names=job.expected_names)
        except Tampered:
            return False
        tests = [TestOutcome.from_dict(record) for record in records if record["kind"] == "test"]
        fresh, asked[0] = tests[asked[0] :], len(tests)
        return any(stop(test) for test in fresh)

    return enough


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

"""The one Sandbox of this process: installed by `manage.py judge`, started lazily by any other consumer."""

from __future__ import annotations

import threading
import weakref

from django.conf import settings

from pyprep.judge.pairing import ReferencePool, Runner
from pyprep.judge.sandbox import Sandbox

_lock = threading.Lock()
_sandbox: Sandbox | None = None
# Prepared reference runs belong to the runner that made them (a test may swap the sandbox under us).
_pools: weakref.WeakKeyDictionary[Runner, ReferencePool] = weakref.WeakKeyDictionary()


def sandbox_install(sandbox: Sandbox) -> None:
    global _sandbox
    with _lock:
        _sandbox = sandbox


def sandbox_get() -> Sandbox:
    """This process's sandbox, started on first use with the settings' tier and slot count."""
    global _sandbox
    with _lock:
        if _sandbox is None:
            _sandbox = Sandbox.start(
                tier=getattr(settings, "JUDGE_TIER", "auto"),
                slots=int(getattr(settings, "JUDGE_SLOTS", 2)),
                allow_unsandboxed=bool(settings.DEBUG),
            )
        return _sandbox


def sandbox_close() -> None:
    global _sandbox
    with _lock:
        if _sandbox is not None:
            _sandbox.close()
            _sandbox = None


def reference_pool(runner: Runner) -> ReferencePool:
    """The reference runs `runner` prepared ahead for Submits to come (see `pairing.ReferencePool`)."""
    with _lock:
        pool = _pools.get(runner)
        if pool is None:
            pool = _pools[runner] = ReferencePool()
        return pool

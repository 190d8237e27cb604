"""One sandbox per process that grades (the judge consumer, or the load command); never the web workers."""

from __future__ import annotations

import atexit
import threading

from pyprep.judge.sandbox import Sandbox

_lock = threading.Lock()
_sandbox: Sandbox | None = None


def shared_sandbox(*, slots: int = 2) -> Sandbox:
    """Start the sandbox on first use; starting costs ~150 ms, a job ~20 ms, so it is kept warm."""
    global _sandbox
    with _lock:
        if _sandbox is None:
            _sandbox = Sandbox.start(slots=slots)
            atexit.register(_sandbox.close)
        return _sandbox

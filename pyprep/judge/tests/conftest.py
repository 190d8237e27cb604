"""One sandbox per tier this machine supports, shared by the module's tests; a supported tier must start."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pyprep.judge.sandbox import Sandbox, SandboxUnavailable

# An unprivileged uid for the forkserver-in-a-user-namespace variant (no passwd entry needed).
UNPRIVILEGED = (64190, 64190)


def _userns_allowed() -> bool:
    knob = Path("/proc/sys/kernel/unprivileged_userns_clone")
    if knob.exists() and knob.read_text().strip() == "0":
        return False
    limit = Path("/proc/sys/user/max_user_namespaces")
    return not limit.exists() or int(limit.read_text()) > 0


def supported_tiers() -> dict[str, str | None]:
    """tier variant -> None when this machine should run it, else why not (which makes the tests skip)."""
    root = os.geteuid() == 0
    tiers: dict[str, str | None] = {
        "forkserver": None if root or _userns_allowed() else "needs root or unprivileged user namespaces",
        "forkserver-userns": None
        if root and _userns_allowed()
        else "needs root (to drop to a uid) and userns",
        "bwrap": None if shutil.which("bwrap") else "bubblewrap is not installed",
    }
    if os.environ.get("CI") == "true" and shutil.which("bwrap") is None:
        tiers["bwrap"] = None  # CI installs it: its absence there must fail, not skip
    return tiers


TIER_IDS = list(supported_tiers())


def start_variant(variant: str, *, slots: int = 2) -> Sandbox:
    tier = variant.split("-")[0]
    run_as = UNPRIVILEGED if variant == "forkserver-userns" else None
    return Sandbox.start(tier=tier, slots=slots, run_as=run_as)


@pytest.fixture(scope="module", params=TIER_IDS)
def sandbox(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    reason = supported_tiers()[request.param]
    if reason is not None:
        pytest.skip(reason)
    try:
        started = start_variant(request.param)
    except SandboxUnavailable as exc:
        pytest.fail(f"tier {request.param} is supported here but did not start: {exc}")
    with started:
        yield started

"""cgroup v2 as the containment of record: a starting judge kills what a dead judge left in its group."""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from pyprep.judge.containment import PARENT, Cgroup, cgroup2_root


def _writable_cgroup2() -> bool:
    root = cgroup2_root()
    return root is not None and os.geteuid() == 0 and (root / "cgroup.procs").exists()


needs_cgroup2 = pytest.mark.skipif(not _writable_cgroup2(), reason="no writable cgroup v2 hierarchy here")


def test_the_cgroup2_mount_is_found_in_mountinfo(tmp_path: object) -> None:
    from pathlib import Path

    info = Path(str(tmp_path)) / "mountinfo"
    info.write_text(
        "30 25 0:26 / /sys/fs/cgroup/memory rw,relatime shared:9 - cgroup cgroup rw,memory\n"
        "35 25 0:31 / /sys/fs/cgroup/unified rw,relatime shared:14 - cgroup2 cgroup2 rw\n"
    )
    assert cgroup2_root(str(info)) == Path("/sys/fs/cgroup/unified")
    info.write_text("30 25 0:26 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n")
    assert cgroup2_root(str(info)) is None


@needs_cgroup2
def test_a_starting_sandbox_kills_what_a_dead_judge_left_in_its_cgroup() -> None:
    gone = subprocess.Popen(["true"])
    gone.wait()  # a pid that no longer runs: the "dead judge"
    root = cgroup2_root()
    assert root is not None
    (root / PARENT).mkdir(exist_ok=True)
    stale = root / PARENT / f"{gone.pid}-deadbeef"
    stale.mkdir()
    orphan = subprocess.Popen(["sleep", "60"])
    try:
        (stale / "cgroup.procs").write_text(str(orphan.pid))
        fresh, why_not = Cgroup.create()
        assert fresh is not None, why_not
        fresh.remove()
        assert orphan.wait(timeout=5) == -9
        assert not stale.exists()
    finally:
        if orphan.poll() is None:
            orphan.kill()
            orphan.wait()
        if stale.exists():
            Cgroup(stale).remove()


@needs_cgroup2
def test_closing_a_sandbox_kills_and_removes_its_cgroup() -> None:
    group, why_not = Cgroup.create()
    assert group is not None, why_not
    sleeper = subprocess.Popen(["sleep", "60"])
    group.adopt(sleeper.pid)
    assert group.populated()
    started = time.monotonic()
    group.remove()
    assert sleeper.wait(timeout=5) == -9
    assert time.monotonic() - started < 5
    assert not group.path.exists()

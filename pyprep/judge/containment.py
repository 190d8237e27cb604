"""cgroup v2 as the containment of record: every process of a sandbox lives in the sandbox's own cgroup.

The parent-death signal chain stops a job when its judge dies; the cgroup is how that is checked and
enforced afterwards: `Sandbox.close()` kills the whole group, and every sandbox that starts kills what is
left in the groups of judges that are gone (their pid is in the group's name). Where no writable cgroup v2
hierarchy exists (a judge that is not root, a cgroups v1-only host) this degrades, says so in the log, and
the parent-death signals remain the only mechanism. No Django.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import time
from pathlib import Path

log = logging.getLogger("pyprep.judge")

PARENT = "pyprep-judge"


def cgroup2_root(mountinfo: str = "/proc/self/mountinfo") -> Path | None:
    """The first cgroup2 mount point (on hybrid hosts it is /sys/fs/cgroup/unified), if any."""
    try:
        lines = Path(mountinfo).read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        left, _, right = line.partition(" - ")
        if right.split(" ", 1)[0] == "cgroup2":
            return Path(left.split()[4])
    return None


class Cgroup:
    """One sandbox's cgroup, named `<judge pid>-<random>` under `pyprep-judge/`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def create(cls) -> tuple[Cgroup | None, str]:
        """A fresh group, or None and the reason there is none here."""
        root = cgroup2_root()
        if root is None:
            return None, "no cgroup v2 hierarchy is mounted"
        if not (root / "cgroup.kill").exists() and not (root / "cgroup.procs").exists():
            return None, f"{root} is not a cgroup v2 hierarchy"
        parent = root / PARENT
        try:
            parent.mkdir(exist_ok=True)
            sweep_stale(parent)
            path = parent / f"{os.getpid()}-{secrets.token_hex(4)}"
            path.mkdir()
        except OSError as exc:
            return None, f"cannot create a cgroup under {root}: {exc.strerror or exc}"
        if not (path / "cgroup.kill").exists():
            with contextlib.suppress(OSError):
                path.rmdir()
            return None, "this kernel has no cgroup.kill (Linux 5.14+)"
        return cls(path), ""

    def adopt(self, pid: int) -> None:
        """Move a process (the zygote, before it forks anything) into the group; its children follow."""
        (self.path / "cgroup.procs").write_text(str(pid))

    def populated(self) -> bool:
        try:
            return "populated 1" in (self.path / "cgroup.events").read_text()
        except OSError:
            return False

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            (self.path / "cgroup.kill").write_text("1")

    def remove(self, *, within: float = 2.0) -> None:
        """Kill everything in the group, wait for it to empty, and delete it."""
        self.kill()
        deadline = time.monotonic() + within
        while self.populated() and time.monotonic() < deadline:
            time.sleep(0.01)
        with contextlib.suppress(OSError):
            self.path.rmdir()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale(parent: Path) -> list[Path]:
    """Kill and remove the groups of judges that are gone; returns the groups that still held processes."""
    held: list[Path] = []
    for path in sorted(parent.iterdir()):
        pid, _, _ = path.name.partition("-")
        if not path.is_dir() or not pid.isdigit() or _pid_alive(int(pid)):
            continue
        group = Cgroup(path)
        if group.populated():
            held.append(path)
            log.error("judge: processes of a dead judge were still running in %s: killed", path)
        group.remove()
    return held

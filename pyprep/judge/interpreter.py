"""Finding the interpreter jobs run with, the system layout bound into a job, and the bwrap command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pyprep.judge.jail import JAIL_SOURCE


class SandboxUnavailable(RuntimeError):
    """A tier could not start here; the message says why."""


@dataclass(frozen=True)
class Interpreter:
    path: str
    prefix: str
    stdlib: str
    platstdlib: str


def _interpreter_info(path: str) -> Interpreter:
    script = (
        "import json, sys, sysconfig; p = sysconfig.get_paths();"
        "print(json.dumps([sys.prefix, p['stdlib'], p['platstdlib']]))"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter and script
        [path, "-I", "-S", "-c", script], capture_output=True, text=True, timeout=20, check=True, env={}
    ).stdout
    prefix, stdlib, platstdlib = json.loads(out)
    return Interpreter(path=path, prefix=prefix, stdlib=stdlib, platstdlib=platstdlib)


def _open_to_others(path: str) -> bool:
    """Whether a uid with no special standing can reach and read `path` (and so run it)."""
    current = Path(path).resolve()
    if not current.exists() or not current.stat().st_mode & 0o005:
        return False
    return all(parent.stat().st_mode & 0o001 for parent in current.parents)


def choose_interpreter(*, for_other_users: bool) -> Interpreter:
    """This interpreter when it can be used; otherwise the system one of the same version.

    A pyenv interpreter under /root (mode 0700) cannot be reached by a slot uid or an unprivileged zygote,
    Debian's /usr/bin/python3.X can.
    """
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [
        os.path.realpath(os.path.join(sys.base_prefix, "bin", f"python{version}")),
        f"/usr/bin/python{version}",
        "/usr/local/bin/python" + version,
    ]
    for candidate in candidates:
        if os.path.exists(candidate) and (not for_other_users or _open_to_others(candidate)):
            return _interpreter_info(candidate)
    raise SandboxUnavailable(f"no Python {version} interpreter that an unprivileged uid can run")


def _collapse(paths: list[str]) -> list[str]:
    """Drop paths that sit under another one in the list; keep order."""
    kept: list[str] = []
    for path in sorted(set(paths), key=len):
        if not any(path == other or path.startswith(other.rstrip("/") + "/") for other in kept):
            kept.append(path)
    return kept


def _system_layout() -> tuple[list[str], list[tuple[str, str]]]:
    binds = ["/usr/lib"]
    if os.path.isdir("/usr/lib64"):
        binds.append("/usr/lib64")
    symlinks: list[tuple[str, str]] = []
    for top in ("/lib", "/lib64"):
        if os.path.islink(top):
            symlinks.append((top, os.readlink(top)))
        elif os.path.isdir(top):
            binds.append(top)
    return binds, symlinks


def _measure_baseline(interpreter: Interpreter) -> int:
    out = subprocess.run(  # noqa: S603 - our own interpreter and script
        [interpreter.path, "-I", "-S", "-B", "-X", "utf8", "-c", JAIL_SOURCE, "measure"],
        capture_output=True,
        text=True,
        timeout=20,
        check=True,
        env={"MALLOC_ARENA_MAX": "2"},
    ).stdout
    return int(out.strip())


def _bwrap_prefix(interpreter: Interpreter, symlinks: list[tuple[str, str]]) -> list[str]:
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxUnavailable("bubblewrap is not installed (apt-get install bubblewrap)")
    # fmt: off
    argv = [
        bwrap, "--unshare-all", "--unshare-user", "--disable-userns", "--new-session", "--die-with-parent",
        "--clearenv", "--setenv", "MALLOC_ARENA_MAX", "2", "--ro-bind", "/usr", "/usr",
    ]
    # fmt: on
    for link, destination in symlinks:
        argv += ["--symlink", destination, link]
    for top in ("/lib", "/lib64"):
        if os.path.isdir(top) and not os.path.islink(top):
            argv += ["--ro-bind", top, top]
    if not interpreter.prefix.startswith("/usr/"):
        argv += ["--ro-bind", interpreter.prefix, interpreter.prefix]
    argv += ["--dev", "/dev", "--size", "@TMPFS_BYTES@", "--tmpfs", "/tmp", "--chdir", "/tmp", "--"]  # noqa: S108
    argv += [interpreter.path, "-I", "-S", "-B", "-X", "utf8", "-c", JAIL_SOURCE, "runner"]
    return argv

"""Which CPython versions the bank's examples and checks are verified on; no ORM here.

An example's code fence may say the oldest Python it needs (```` ```python 3.11+ ````); an output fence may
say which versions print it (```` ```output 3.13+ ````, ```` ```output 3.10-3.12 ````, ```` ```output 3.10 ````).
The plain ```` ```output ```` block is what every other supported version prints.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

# The versions the bank promises its examples run on; verify_content uses every one it can find.
SUPPORTED: tuple[str, ...] = ("3.10", "3.11", "3.12", "3.13")

VERSION_RE = re.compile(r"^3\.(\d{1,2})$")
RANGE_RE = re.compile(r"^(?P<low>3\.\d{1,2})(?:(?P<plus>\+)|-(?P<high>3\.\d{1,2}))?$")


def version_key(version: str) -> tuple[int, int]:
    major, minor = version.split(".")
    return int(major), int(minor)


@dataclass(frozen=True, slots=True)
class VersionRange:
    """Inclusive range of minor versions; `high` None means open-ended ("3.11+")."""

    low: str
    high: str | None

    @classmethod
    def parse(cls, text: str) -> VersionRange:
        """'3.11+', '3.10-3.12' or '3.12'; ValueError with a reason otherwise."""
        match = RANGE_RE.match(text.strip())
        if not match:
            raise ValueError(f"'{text}' is not a Python version range (write 3.11+, 3.10-3.12 or 3.12)")
        low = match.group("low")
        if match.group("plus"):
            return cls(low, None)
        high = match.group("high") or low
        if version_key(high) < version_key(low):
            raise ValueError(f"'{text}' ends before it starts")
        return cls(low, high)

    def __contains__(self, version: object) -> bool:
        if not isinstance(version, str):
            return False
        key = version_key(version)
        return version_key(self.low) <= key and (self.high is None or key <= version_key(self.high))

    def __str__(self) -> str:
        if self.high is None:
            return f"{self.low}+"
        return self.low if self.high == self.low else f"{self.low}–{self.high}"


def expected_output(*, version: str, default: str, variants: Iterable[tuple[str, str]]) -> str:
    """What an example should print on `version`: the first variant whose range holds it, else the default."""
    for spec, text in variants:
        if version in VersionRange.parse(spec):
            return text
    return default


def runs_on(*, version: str, min_version: str) -> bool:
    return not min_version or version_key(version) >= version_key(min_version)


def _minor_of(python: Path) -> str | None:
    try:
        done = subprocess.run(  # noqa: S603 - an interpreter path we found ourselves, no shell
            [str(python), "-I", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    version = done.stdout.strip()
    return version if done.returncode == 0 and VERSION_RE.match(version) else None


def _candidates(environ: Mapping[str, str]) -> list[Path]:
    listed = [Path(p) for p in environ.get("PYPREP_PYTHONS", "").split(os.pathsep) if p]
    pyenv_root = Path(environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    found: list[Path] = list(listed)
    versions_dir = pyenv_root / "versions"
    if versions_dir.is_dir():
        # Newest patch release first, so it wins for its minor version.
        numbered = [(tuple(int(n) for n in re.findall(r"\d+", p.name)), p) for p in versions_dir.iterdir()]
        for _, entry in sorted(numbered, reverse=True):
            found.append(entry / "bin" / "python")
    for minor in SUPPORTED:
        found += [Path(f"/usr/bin/python{minor}"), Path(f"/usr/local/bin/python{minor}")]
    return found


def interpreters_find(*, environ: Mapping[str, str] | None = None) -> dict[str, Path]:
    """One interpreter per supported minor version found on this machine: `PYPREP_PYTHONS` (a path list)
    first, then pyenv's versions, then the system's `python3.X`."""
    chosen: dict[str, Path] = {}
    for python in _candidates(os.environ if environ is None else environ):
        if not python.is_file() or not os.access(python, os.X_OK):
            continue
        version = _minor_of(python)
        if version in SUPPORTED and version not in chosen:
            chosen[version] = python
    return dict(sorted(chosen.items(), key=lambda item: version_key(item[0])))


def outputs_by_version(
    *, default: str, variants: Iterable[Sequence[str]], min_version: str = ""
) -> list[tuple[str, str]]:
    """Each distinct output with the supported versions that print it, for showing them side by side:
    [("3.10", text), ("3.11 · 3.12 · 3.13", other text)]."""
    pairs = [(str(spec), str(text)) for spec, text in variants]
    shown: dict[str, list[str]] = {}
    for version in SUPPORTED:
        if runs_on(version=version, min_version=min_version):
            text = expected_output(version=version, default=default, variants=pairs)
            shown.setdefault(text, []).append(version)
    return [(" · ".join(versions), text) for text, versions in shown.items()]

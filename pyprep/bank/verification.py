"""Compare what an example printed with what its page says it prints; no ORM here."""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def normalise_output(text: str) -> str:
    """Trailing whitespace on each line and trailing blank lines do not count."""
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines())


def output_diff(expected: str, actual: str) -> str:
    """An empty string when the outputs match, else a unified diff from the declared output to the real one."""
    want, got = normalise_output(expected), normalise_output(actual)
    if want == got:
        return ""
    return "\n".join(
        difflib.unified_diff(
            want.splitlines(),
            got.splitlines(),
            fromfile="declared output",
            tofile="actual output",
            lineterm="",
        )
    )


@dataclass(frozen=True)
class ExampleCheck:
    path: str
    line: int
    ok: bool
    detail: str = ""
    version: str = ""

    def __str__(self) -> str:
        where = f" [Python {self.version}]" if self.version else ""
        return f"{self.path}:{self.line}:{where} {'ok' if self.ok else self.detail}"


def examples_digest(examples: Iterable[tuple[str, str, str, Sequence[Sequence[str]]]]) -> str:
    """A digest of (code, output, min_version, output variants) per example, the same from a content file's
    spec and from the database's rows: a verification record is current only while it matches."""
    payload = [
        [code, output, min_version, [list(v) for v in variants]]
        for code, output, min_version, variants in examples
    ]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()

"""Compare what an example printed with what its page says it prints; no ORM here."""

from __future__ import annotations

import difflib
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

"""Score sheets as CSV: one row per (question, rubric row); pure, no ORM."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

COLUMNS = ("question", "slug", "level", "topic", "key point", "score", "notes")


@dataclass(frozen=True)
class SheetRow:
    question: str
    slug: str
    level: str
    topic: str
    key_point: str
    score: int | None = None
    notes: str = ""


def _cell(text: str) -> str:
    # A cell a spreadsheet would read as a formula is prefixed, so opening a sheet never runs anything.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def sheet_csv(rows: Iterable[SheetRow]) -> str:
    """The sheet as CSV text with a header row; empty score and notes are left blank for a pen."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(
            [
                _cell(row.question),
                row.slug,
                row.level,
                _cell(row.topic),
                _cell(row.key_point),
                "" if row.score is None else str(row.score),
                _cell(row.notes),
            ]
        )
    return buffer.getvalue()


def sheet_filename(*parts: object) -> str:
    """A file name from the sheet's parameters, safe for a Content-Disposition header."""
    stem = "-".join(str(part) for part in parts if part not in (None, ""))
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem)
    return f"{safe.strip('-') or 'sheet'}.csv"

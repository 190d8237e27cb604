"""The pieces every content file is parsed with: front matter, YAML with line numbers, '## ' sections, bullets.

Public and pure (no ORM): the bank's question parser (`content.py`) and the challenges' folder parser
(`challenges/spec.py`) both build on it. Errors are collected, each naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SECTION_RE = re.compile(r"^##\s+(?P<name>.+?)\s*$")
FENCE_RE = re.compile(r"^\s*(```|~~~)")
BULLET_RE = re.compile(r"^\s*[-*]\s+(?P<text>.+)$")


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Collector:
    """Errors found so far in one or more files."""

    errors: list[ContentError] = field(default_factory=list)

    def add(self, path: str, line: int, message: str) -> None:
        self.errors.append(ContentError(path, line, message))


def yaml_load(text: str, path: str, first_line: int, out: Collector) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        out.add(path, line, f"broken YAML: {exc.problem or exc}")
    except yaml.YAMLError as exc:
        out.add(path, first_line, f"broken YAML: {exc}")
    return None


def key_lines(text: str, first_line: int) -> dict[str, int]:
    """Line of each top-level key of a YAML mapping, for error messages."""
    lines: dict[str, int] = {}
    for offset, raw in enumerate(text.splitlines()):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", raw)
        if match:
            lines.setdefault(match.group(1), first_line + offset)
    return lines


def str_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    return None


def split_front_matter(text: str, path: str, out: Collector) -> tuple[str, str, int] | None:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        out.add(path, 1, "missing YAML front matter: the file must start with a line '---'")
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    out.add(path, 1, "front matter is never closed: add a line '---' after it")
    return None


def sections(
    body: str,
    body_line: int,
    path: str,
    out: Collector,
    *,
    names: Mapping[str, str],
    expected: str,
    text_before_first: bool = True,
) -> dict[str, tuple[str, int]]:
    """Split a Markdown body on '## Heading' lines outside code fences: section key → (text, first line).

    `names` maps a lower-cased heading to its key; `expected` is the hint an unknown heading's error gives.
    With `text_before_first`, text before the first heading is reported (it would be shown nowhere).
    """
    found: dict[str, tuple[str, int]] = {}
    current: str | None = None
    start = 0
    buffer: list[str] = []
    in_fence = False

    def close() -> None:
        if current is not None:
            found[current] = ("".join(buffer).strip("\n"), start)

    for offset, raw in enumerate(body.splitlines(keepends=True)):
        line_no = body_line + offset
        if FENCE_RE.match(raw):
            in_fence = not in_fence
        match = None if in_fence else SECTION_RE.match(raw)
        if match:
            close()
            key = names.get(match.group("name").strip().lower().rstrip(":"))
            if key is None:
                out.add(path, line_no, f"unknown section '## {match.group('name')}' ({expected})")
                current = None
            elif key in found:
                out.add(path, line_no, f"section '## {match.group('name')}' appears twice")
                current = None
            else:
                current = key
            start = line_no + 1
            buffer = []
        elif current is not None:
            buffer.append(raw)
        elif text_before_first and raw.strip() and not found:
            out.add(path, line_no, "text before the first '## Summary' section is not shown anywhere")
    close()
    return found


def bullets(text: str, first_line: int, path: str, what: str, out: Collector) -> tuple[str, ...]:
    items: list[str] = []
    for offset, raw in enumerate(text.splitlines()):
        if not raw.strip():
            continue
        match = BULLET_RE.match(raw)
        if match:
            items.append(match.group("text").strip())
        elif raw.startswith((" ", "\t")) and items:
            items[-1] = f"{items[-1]} {raw.strip()}"
        else:
            out.add(path, first_line + offset, f"{what} must be a bulleted list ('- ...')")
    return tuple(items)

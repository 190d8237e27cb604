"""Parse content/challenges/<slug>/ into frozen dataclasses; no ORM and no code is run here."""

from __future__ import annotations

import ast
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyprep import pysource
from pyprep.bank.content import QuestionSpec, asked_as_list, docs_list, reviewed_date, rubric_section
from pyprep.bank.levels import LEVEL_VALUES
from pyprep.bank.parsing import SLUG_RE, ContentError
from pyprep.bank.parsing import Collector as _Collector
from pyprep.bank.parsing import bullets as _bullets
from pyprep.bank.parsing import key_lines as _key_lines
from pyprep.bank.parsing import sections as _split_sections
from pyprep.bank.parsing import split_front_matter as _split_front_matter
from pyprep.bank.parsing import str_list as _str_list
from pyprep.bank.parsing import yaml_load as _yaml_load
from pyprep.judge.jail.harness import OBSERVATION_FORMAT

FIELDS = {
    "slug",
    "title",
    "asked_as",
    "docs",
    "reviewed",
    "level",
    "topics",
    "status",
    "related",
    "visible_tests",
    "hints",
    "limits",
    "wrong",
}
SECTIONS = {
    "summary": "summary",
    "statement": "statement",
    "explanation": "explanation",
    "key points": "key_points",
    "rubric": "rubric",  # optional, last: answer-feedback data for the key points (docs/content-format.md)
}
WRONG_VERDICTS = ("wrong_answer", "runtime_error", "time_limit")
FILES = ("challenge.md", "starter.py", "tests.py", "solution.py")
MAX_HINTS = 3


@dataclass(frozen=True)
class WrongSolution:
    filename: str
    source: str
    verdict: str


@dataclass(frozen=True)
class ChallengeSpec:
    slug: str
    path: str
    statement: str
    explanation: str
    starter: str
    tests: str
    solution: str
    test_names: tuple[str, ...]
    visible_tests: tuple[str, ...]
    hints: tuple[str, ...]
    cpu_seconds: float
    memory_mb: int
    wrong: tuple[WrongSolution, ...]
    content_hash: str

    @property
    def hidden_tests(self) -> tuple[str, ...]:
        return tuple(name for name in self.test_names if name not in self.visible_tests)


def test_function_names(source: str) -> list[str]:  # noqa: PT028
    """Top-level `def test_*` names in definition order: the order the judge runs and shows them."""
    tree = pysource.parse(source)
    return [
        node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    ]


GENERATED_CASES = 10  # cases a Submit draws per submission from the tests module's generate(rng, n)
GENERATOR_FUNCTIONS = ("generate", "check")


def _defined_names(node: ast.stmt) -> set[str]:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return {node.name}
    names: set[str] = set()
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, ast.AnnAssign | ast.AugAssign):
        targets = [node.target]
    for target in targets:
        names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return names


def _used_names(node: ast.stmt) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def visible_source(tests: str, visible: tuple[str, ...] | list[str]) -> str:
    """The part of a tests module a candidate may read: imports, the visible tests, and what they use.

    Hidden tests, the generator and any constant or helper only they use are left out, so their inputs
    are not shown. Pure: parses, never runs.
    """
    try:
        tree = pysource.parse(tests)
    except SyntaxError:
        return ""
    wanted = set(visible)
    kept: set[int] = set()
    for index, node in enumerate(tree.body):
        if isinstance(node, ast.Import | ast.ImportFrom) or (
            isinstance(node, ast.FunctionDef) and node.name in wanted
        ):
            kept.add(index)
    needed = set().union(*(_used_names(tree.body[i]) for i in kept)) if kept else set()
    changed = True
    while changed:  # helpers used by what is kept, and what those use in turn
        changed = False
        for index, node in enumerate(tree.body):
            if index in kept or isinstance(node, ast.Import | ast.ImportFrom):
                continue
            defined = _defined_names(node)
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                continue
            if defined & needed:
                kept.add(index)
                needed |= _used_names(node)
                changed = True
    lines = tests.splitlines()
    pieces = []
    for index in sorted(kept):
        node = tree.body[index]
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        pieces.append("\n".join(lines[first - 1 : node.end_lineno]))
    return "\n\n\n".join(pieces) + "\n" if pieces else ""


def content_hash(directory: Path) -> str:
    """The folder's files, and the judge's observation format: expectations stored in an older one are stale."""
    digest = hashlib.sha256(f"observation format {OBSERVATION_FORMAT}\0".encode())
    for path in sorted(p for p in directory.iterdir() if p.is_file()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _sections(body: str, body_line: int, path: str, out: _Collector) -> dict[str, tuple[str, int]]:
    return _split_sections(
        body,
        body_line,
        path,
        out,
        names=SECTIONS,
        expected="expected: Summary, Statement, Explanation, Key points, Rubric",
        text_before_first=False,
    )


def _limits(value: Any, path: str, line: int, out: _Collector) -> tuple[float, int]:
    cpu, memory = 2.0, 128
    if value is None:
        return cpu, memory
    if not isinstance(value, dict) or set(value) - {"cpu_seconds", "memory_mb"}:
        out.add(path, line, "limits must be a mapping with cpu_seconds and/or memory_mb")
        return cpu, memory
    try:
        cpu = float(value.get("cpu_seconds", cpu))
        memory = int(value.get("memory_mb", memory))
    except (TypeError, ValueError):
        out.add(path, line, "limits must be numbers")
    if not 0.1 <= cpu <= 10 or not 32 <= memory <= 1024:
        out.add(path, line, "limits out of range: cpu_seconds 0.1–10, memory_mb 32–1024")
    return cpu, memory


def parse_challenge(
    directory: Path, rel: str
) -> tuple[ChallengeSpec | None, QuestionSpec | None, list[ContentError]]:
    """Parse one challenge folder into the challenge itself and the bank question that lists it."""
    out = _Collector()
    md_path = f"{rel}/challenge.md"
    for name in FILES:
        if not (directory / name).is_file():
            out.add(f"{rel}/{name}", 1, f"missing file {name}")
    if out.errors:
        return None, None, out.errors
    text = (directory / "challenge.md").read_text(encoding="utf-8")
    split = _split_front_matter(text, md_path, out)
    if split is None:
        return None, None, out.errors
    front, body, body_line = split
    meta = _yaml_load(front, md_path, 2, out)
    if out.errors:
        return None, None, out.errors
    if not isinstance(meta, dict):
        out.add(md_path, 2, "front matter must be a YAML mapping of fields")
        return None, None, out.errors
    lines = _key_lines(front, 2)

    def line_of(key: str) -> int:
        return lines.get(key, 1)

    for key in sorted(set(meta) - FIELDS):
        out.add(md_path, line_of(key), f"unknown field '{key}' (allowed: {', '.join(sorted(FIELDS))})")
    for key in ("slug", "title", "level", "topics", "visible_tests", "wrong"):
        if meta.get(key) in (None, "", [], {}):
            out.add(md_path, line_of(key), f"missing field '{key}'")
    slug = str(meta.get("slug") or "")
    if slug and not SLUG_RE.match(slug):
        out.add(md_path, line_of("slug"), f"slug '{slug}' must be lowercase words joined by hyphens")
    if slug and slug != directory.name:
        out.add(md_path, line_of("slug"), f"slug '{slug}' must match the folder name '{directory.name}'")
    level = str(meta.get("level") or "")
    if level and level not in LEVEL_VALUES:
        out.add(
            md_path, line_of("level"), f"unknown level '{level}' (expected one of: {', '.join(LEVEL_VALUES)})"
        )
    topics = _str_list(meta.get("topics") or []) or []
    related = _str_list(meta.get("related") or []) or []
    hints = _str_list(meta.get("hints") or [])
    if hints is None or len(hints) > MAX_HINTS:
        out.add(md_path, line_of("hints"), f"hints must be a list of at most {MAX_HINTS} strings")
        hints = []
    cpu, memory = _limits(meta.get("limits"), md_path, line_of("limits"), out)

    tests = (directory / "tests.py").read_text(encoding="utf-8")
    try:
        names = test_function_names(tests)
    except SyntaxError as exc:
        out.add(f"{rel}/tests.py", exc.lineno or 1, f"tests.py does not parse: {exc.msg}")
        names = []
    if not names and (directory / "tests.py").is_file():
        out.add(f"{rel}/tests.py", 1, "tests.py defines no top-level def test_*() functions")
    if names:
        defined = {node.name for node in pysource.parse(tests).body if isinstance(node, ast.FunctionDef)}
        for function, signature in zip(GENERATOR_FUNCTIONS, ("generate(rng, n)", "check(case)"), strict=True):
            if function not in defined:
                out.add(
                    f"{rel}/tests.py",
                    1,
                    f"tests.py must define {signature}: the hidden tests draw fresh cases per submission",
                )
    visible = _str_list(meta.get("visible_tests") or []) or []
    for name in visible:
        if names and name not in names:
            out.add(md_path, line_of("visible_tests"), f"visible test '{name}' is not defined in tests.py")
    if names and len(visible) == len(names):
        out.add(md_path, line_of("visible_tests"), "every test is visible: keep at least one hidden test")

    wrong: list[WrongSolution] = []
    wrong_meta = meta.get("wrong") or {}
    if not isinstance(wrong_meta, dict):
        out.add(
            md_path, line_of("wrong"), "wrong must map wrong_*.py file names to the verdict each must get"
        )
        wrong_meta = {}
    for filename, verdict in wrong_meta.items():
        if (
            not re.fullmatch(r"wrong_[a-z0-9_]+\.py", str(filename))
            or not (directory / str(filename)).is_file()
        ):
            out.add(
                md_path,
                line_of("wrong"),
                f"wrong solution '{filename}' is not a wrong_*.py file in the folder",
            )
        elif verdict not in WRONG_VERDICTS:
            out.add(
                md_path, line_of("wrong"), f"'{filename}': verdict must be one of {', '.join(WRONG_VERDICTS)}"
            )
        else:
            wrong.append(
                WrongSolution(str(filename), (directory / str(filename)).read_text(encoding="utf-8"), verdict)
            )
    for path in sorted(directory.glob("wrong_*.py")):
        if path.name not in wrong_meta:
            out.add(md_path, line_of("wrong"), f"{path.name} has no expected verdict under 'wrong'")

    sections = _sections(body, body_line, md_path, out)
    for key, heading in (
        ("summary", "Summary"),
        ("statement", "Statement"),
        ("explanation", "Explanation"),
        ("key_points", "Key points"),
    ):
        if not sections.get(key, ("", 0))[0].strip():
            out.add(md_path, body_line, f"missing section '## {heading}'")
    kp_text, kp_line = sections.get("key_points", ("", body_line))
    key_points = _bullets(kp_text, kp_line, md_path, "Key points", out)
    asked_as = asked_as_list(meta.get("asked_as"), md_path, lines.get("asked_as", 1), out)
    docs = docs_list(meta.get("docs"), md_path, lines.get("docs", 1), out)
    reviewed = reviewed_date(meta.get("reviewed"), md_path, lines.get("reviewed", 1), out)
    if key_points and not 3 <= len(key_points) <= 6:
        out.add(md_path, kp_line, f"Key points must have 3–6 bullets, found {len(key_points)}")
    rubric = rubric_section(sections, body, body_line, len(key_points), md_path, out, after="## Key points")
    if out.errors:
        return None, None, out.errors

    explanation = sections["explanation"][0].strip()
    question = QuestionSpec(
        slug=slug,
        title=str(meta["title"]).strip(),
        level=level,
        kind="challenge",
        status=str(meta.get("status") or "published"),
        topics=tuple(topics),
        related=tuple(related),
        summary=sections["summary"][0].strip(),
        answer=explanation,
        key_points=key_points,
        examples=(),
        follow_ups=(),
        path=md_path,
        field_lines=tuple(sorted(lines.items())),
        asked_as=asked_as,
        docs=docs,
        reviewed=reviewed,
        rubric=rubric,
    )
    challenge = ChallengeSpec(
        slug=slug,
        path=rel,
        statement=sections["statement"][0].strip(),
        explanation=explanation,
        starter=(directory / "starter.py").read_text(encoding="utf-8"),
        tests=tests,
        solution=(directory / "solution.py").read_text(encoding="utf-8"),
        test_names=tuple(names),
        visible_tests=tuple(visible),
        hints=tuple(hints),
        cpu_seconds=cpu,
        memory_mb=memory,
        wrong=tuple(wrong),
        content_hash=content_hash(directory),
    )
    return challenge, question, []


def read_challenges(root: Path) -> tuple[list[ChallengeSpec], list[QuestionSpec], list[ContentError]]:
    """Every challenge folder under root/challenges, parsed; errors from all of them together."""
    challenges: list[ChallengeSpec] = []
    questions: list[QuestionSpec] = []
    errors: list[ContentError] = []
    folder = root / "challenges"
    if not folder.is_dir():
        return challenges, questions, errors
    for directory in sorted(p for p in folder.iterdir() if p.is_dir()):
        rel = f"{root.name}/challenges/{directory.name}"
        challenge, question, errs = parse_challenge(directory, rel)
        errors.extend(errs)
        if challenge is not None and question is not None:
            challenges.append(challenge)
            questions.append(question)
    return challenges, questions, errors

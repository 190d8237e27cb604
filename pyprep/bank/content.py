"""Parse and validate the bank's content files into frozen dataclasses; no ORM here."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt

from pyprep.bank.levels import KINDS, LEVEL_VALUES, STATUSES

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SECTION_RE = re.compile(r"^##\s+(?P<name>.+?)\s*$")
FENCE_RE = re.compile(r"^\s*(```|~~~)")
BULLET_RE = re.compile(r"^\s*[-*]\s+(?P<text>.+)$")
SLUG_LINE_RE = re.compile(r"^slug:\s*([a-z0-9-]+)\s*$", re.MULTILINE)

SECTIONS = {
    "summary": "summary",
    "answer": "answer",
    "key points": "key_points",
    "examples": "examples",
    "follow-ups": "follow_ups",
    "follow ups": "follow_ups",
}
REQUIRED_SECTIONS = ("summary", "answer", "key_points")
QUESTION_FIELDS = {"slug", "title", "asked_as", "level", "topics", "kind", "status", "related"}
# "Also asked as": other ways interviewers phrase the question, searched with the title's weight.
ASKED_AS_MAX = 8
SET_FIELDS = {"slug", "title", "description", "featured", "questions"}
TOPIC_FIELDS = {"slug", "name", "description"}


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class TopicSpec:
    slug: str
    name: str
    description: str
    position: int
    path: str
    line: int


@dataclass(frozen=True)
class ExampleSpec:
    title: str
    code: str
    output: str
    line: int


@dataclass(frozen=True)
class QuestionSpec:
    slug: str
    title: str
    level: str
    kind: str
    status: str
    topics: tuple[str, ...]
    related: tuple[str, ...]
    summary: str
    answer: str
    key_points: tuple[str, ...]
    examples: tuple[ExampleSpec, ...]
    follow_ups: tuple[str, ...]
    path: str
    line: int = 1
    field_lines: tuple[tuple[str, int], ...] = ()
    asked_as: tuple[str, ...] = ()

    def line_of(self, name: str) -> int:
        return dict(self.field_lines).get(name, self.line)


@dataclass(frozen=True)
class SetSpec:
    slug: str
    title: str
    description: str
    featured: bool
    questions: tuple[str, ...]
    path: str
    line: int = 1
    questions_line: int = 1


@dataclass(frozen=True)
class ContentBundle:
    topics: tuple[TopicSpec, ...] = ()
    questions: tuple[QuestionSpec, ...] = ()
    sets: tuple[SetSpec, ...] = ()


@dataclass
class _Collector:
    errors: list[ContentError] = field(default_factory=list)

    def add(self, path: str, line: int, message: str) -> None:
        self.errors.append(ContentError(path, line, message))


def _yaml_load(text: str, path: str, first_line: int, out: _Collector) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        out.add(path, line, f"broken YAML: {exc.problem or exc}")
    except yaml.YAMLError as exc:
        out.add(path, first_line, f"broken YAML: {exc}")
    return None


def _key_lines(text: str, first_line: int) -> dict[str, int]:
    """Line of each top-level key of a YAML mapping, for error messages."""
    lines: dict[str, int] = {}
    for offset, raw in enumerate(text.splitlines()):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", raw)
        if match:
            lines.setdefault(match.group(1), first_line + offset)
    return lines


def _str_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    return None


def asked_as_list(value: Any, path: str, line: int, out: _Collector) -> tuple[str, ...]:
    """The front matter's asked_as: a list of short phrasings, each on one line."""
    items = _str_list(value if value is not None else [])
    if items is None or any(not item.strip() or "\n" in item.strip() for item in items):
        out.add(path, line, "asked_as must be a list of one-line phrasings (- How do you ...?)")
        return ()
    if len(items) > ASKED_AS_MAX:
        out.add(path, line, f"asked_as has {len(items)} phrasings; keep it to at most {ASKED_AS_MAX}")
    return tuple(item.strip() for item in items)


def _split_front_matter(text: str, path: str, out: _Collector) -> tuple[str, str, int] | None:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        out.add(path, 1, "missing YAML front matter: the file must start with a line '---'")
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    out.add(path, 1, "front matter is never closed: add a line '---' after it")
    return None


def _sections(body: str, body_line: int, path: str, out: _Collector) -> dict[str, tuple[str, int]]:
    """Split the Markdown body on '## Heading' lines that are outside code fences."""
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
            name = match.group("name").strip().lower().rstrip(":")
            key = SECTIONS.get(name)
            if key is None:
                out.add(
                    path,
                    line_no,
                    f"unknown section '## {match.group('name')}' (expected one of: {', '.join(sorted(set(SECTIONS)))})",
                )
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
        elif raw.strip() and not found:
            # Text before the first section is shown nowhere: say so rather than drop it silently.
            out.add(path, line_no, "text before the first '## Summary' section is not shown anywhere")
    close()
    return found


def _bullets(text: str, first_line: int, path: str, what: str, out: _Collector) -> tuple[str, ...]:
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


_MD = MarkdownIt("commonmark")


def _examples(text: str, first_line: int, path: str, out: _Collector) -> tuple[ExampleSpec, ...]:
    examples: list[ExampleSpec] = []
    pending: tuple[str, str, int] | None = None  # (title, code, line)
    title = ""
    tokens = _MD.parse(text)
    for index, token in enumerate(tokens):
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "heading_open" and token.tag == "h3":
            title = tokens[index + 1].content.strip()
        elif token.type == "fence":
            info = token.info.strip().lower()
            if info in {"python", "py", "python3"}:
                if pending is not None:
                    out.add(path, pending[2], "example has no output block: follow the code with ```output")
                pending = (title, token.content, line)
                title = ""
            elif info in {"output", "text"}:
                if pending is None:
                    out.add(path, line, "output block without a python code block before it")
                else:
                    examples.append(ExampleSpec(pending[0], pending[1], token.content, pending[2]))
                    pending = None
            else:
                out.add(
                    path,
                    line,
                    f"unexpected code block '{info or 'no language'}' in Examples: use ```python then ```output",
                )
    if pending is not None:
        out.add(path, pending[2], "example has no output block: follow the code with ```output")
    return tuple(examples)


def parse_question(text: str, path: str) -> tuple[QuestionSpec | None, list[ContentError]]:
    """Parse one question file: YAML front matter, then '## ' sections."""
    out = _Collector()
    split = _split_front_matter(text, path, out)
    if split is None:
        return None, out.errors
    front_text, body, body_line = split
    meta = _yaml_load(front_text, path, 2, out)
    if out.errors:
        return None, out.errors
    if not isinstance(meta, dict):
        out.add(path, 2, "front matter must be a YAML mapping of fields")
        return None, out.errors
    key_line = _key_lines(front_text, 2)

    def line_of(key: str) -> int:
        return key_line.get(key, 1)

    for key in sorted(set(meta) - QUESTION_FIELDS):
        out.add(path, line_of(key), f"unknown field '{key}' (allowed: {', '.join(sorted(QUESTION_FIELDS))})")
    for key in ("slug", "title", "level", "topics"):
        if meta.get(key) in (None, "", []):
            out.add(path, line_of(key) if key in meta else 1, f"missing field '{key}'")
    slug = str(meta.get("slug") or "")
    if slug and not SLUG_RE.match(slug):
        out.add(path, line_of("slug"), f"slug '{slug}' must be lowercase words joined by hyphens")
    level = str(meta.get("level") or "")
    if level and level not in LEVEL_VALUES:
        out.add(
            path, line_of("level"), f"unknown level '{level}' (expected one of: {', '.join(LEVEL_VALUES)})"
        )
    kind = str(meta.get("kind") or "concept")
    if kind not in KINDS:
        out.add(path, line_of("kind"), f"unknown kind '{kind}' (expected one of: {', '.join(KINDS)})")
    status = str(meta.get("status") or "published")
    if status not in STATUSES:
        out.add(
            path, line_of("status"), f"unknown status '{status}' (expected one of: {', '.join(STATUSES)})"
        )
    topics = _str_list(meta.get("topics") or [])
    if topics is None:
        out.add(path, line_of("topics"), "topics must be a list of topic slugs")
        topics = []
    related = _str_list(meta.get("related") or [])
    if related is None:
        out.add(path, line_of("related"), "related must be a list of question slugs")
        related = []
    asked_as = asked_as_list(meta.get("asked_as"), path, line_of("asked_as"), out)

    sections = _sections(body, body_line, path, out)
    for key in REQUIRED_SECTIONS:
        if not sections.get(key, ("", 0))[0].strip():
            heading = {"summary": "Summary", "answer": "Answer", "key_points": "Key points"}[key]
            out.add(path, body_line, f"missing section '## {heading}'")
    summary, _ = sections.get("summary", ("", body_line))
    answer, _ = sections.get("answer", ("", body_line))
    kp_text, kp_line = sections.get("key_points", ("", body_line))
    key_points = _bullets(kp_text, kp_line, path, "Key points", out)
    fu_text, fu_line = sections.get("follow_ups", ("", body_line))
    follow_ups = _bullets(fu_text, fu_line, path, "Follow-ups", out)
    ex_text, ex_line = sections.get("examples", ("", body_line))
    examples = _examples(ex_text, ex_line, path, out)
    if out.errors:
        return None, out.errors
    return (
        QuestionSpec(
            slug=slug,
            title=str(meta["title"]).strip(),
            level=level,
            kind=kind,
            status=status,
            topics=tuple(topics),
            related=tuple(related),
            summary=summary.strip(),
            answer=answer.strip(),
            key_points=key_points,
            examples=examples,
            follow_ups=follow_ups,
            path=path,
            field_lines=tuple(sorted(key_line.items())),
            asked_as=asked_as,
        ),
        [],
    )


def parse_topics(text: str, path: str) -> tuple[list[TopicSpec], list[ContentError]]:
    out = _Collector()
    data = _yaml_load(text, path, 1, out)
    if out.errors:
        return [], out.errors
    if not isinstance(data, list):
        out.add(path, 1, "topics.yaml must be a list of topics (- slug: ..., name: ...)")
        return [], out.errors
    item_lines = [number for number, raw in enumerate(text.splitlines(), start=1) if raw.startswith("- ")]
    topics: list[TopicSpec] = []
    for index, item in enumerate(data):
        line = item_lines[index] if index < len(item_lines) else 1
        if not isinstance(item, dict):
            out.add(path, line, "each topic must be a mapping with slug, name and description")
            continue
        for key in sorted(set(item) - TOPIC_FIELDS):
            out.add(path, line, f"unknown field '{key}' in topic")
        slug, name = str(item.get("slug") or ""), str(item.get("name") or "")
        if not slug:
            out.add(path, line, "topic is missing field 'slug'")
        elif not SLUG_RE.match(slug):
            out.add(path, line, f"topic slug '{slug}' must be lowercase words joined by hyphens")
        if not name:
            out.add(path, line, f"topic '{slug}' is missing field 'name'")
        topics.append(TopicSpec(slug, name, str(item.get("description") or "").strip(), index, path, line))
    return topics, out.errors


def parse_set(text: str, path: str) -> tuple[SetSpec | None, list[ContentError]]:
    out = _Collector()
    data = _yaml_load(text, path, 1, out)
    if out.errors:
        return None, out.errors
    if not isinstance(data, dict):
        out.add(path, 1, "a curated set must be a YAML mapping")
        return None, out.errors
    key_line = _key_lines(text, 1)
    for key in sorted(set(data) - SET_FIELDS):
        out.add(
            path, key_line.get(key, 1), f"unknown field '{key}' (allowed: {', '.join(sorted(SET_FIELDS))})"
        )
    for key in ("slug", "title", "questions"):
        if data.get(key) in (None, "", []):
            out.add(path, key_line.get(key, 1), f"missing field '{key}'")
    questions = _str_list(data.get("questions") or [])
    if questions is None:
        out.add(path, key_line.get("questions", 1), "questions must be a list of question slugs")
    if out.errors:
        return None, out.errors
    return (
        SetSpec(
            slug=str(data["slug"]),
            title=str(data["title"]),
            description=str(data.get("description") or "").strip(),
            featured=bool(data.get("featured", False)),
            questions=tuple(questions or ()),
            path=path,
            questions_line=key_line.get("questions", 1),
        ),
        [],
    )


def _duplicates(items: Iterable[tuple[str, str, int]], what: str, out: _Collector) -> None:
    seen: dict[str, tuple[str, int]] = {}
    for slug, path, line in items:
        if slug in seen:
            first_path, first_line = seen[slug]
            out.add(
                path, line, f"duplicate {what} slug '{slug}' (first defined at {first_path}:{first_line})"
            )
        else:
            seen[slug] = (path, line)


def validate_bundle(
    bundle: ContentBundle, *, broken_slugs: frozenset[str] = frozenset()
) -> list[ContentError]:
    """Cross-file checks: unique slugs, and every topic, related question and set item exists.

    Slugs of files that failed to parse are in broken_slugs: links to them are not reported again.
    """
    out = _Collector()
    _duplicates(((t.slug, t.path, t.line) for t in bundle.topics), "topic", out)
    _duplicates(((q.slug, q.path, q.line_of("slug")) for q in bundle.questions), "question", out)
    _duplicates(((s.slug, s.path, s.line) for s in bundle.sets), "set", out)
    topic_slugs = {t.slug for t in bundle.topics}
    question_slugs = {q.slug for q in bundle.questions} | broken_slugs
    for question in bundle.questions:
        for topic in question.topics:
            if topic not in topic_slugs:
                out.add(
                    question.path,
                    question.line_of("topics"),
                    f"unknown topic '{topic}' (add it to topics.yaml first)",
                )
        for related in question.related:
            if related not in question_slugs:
                out.add(
                    question.path, question.line_of("related"), f"related question '{related}' does not exist"
                )
            elif related == question.slug:
                out.add(question.path, question.line_of("related"), "a question cannot be related to itself")
    for curated in bundle.sets:
        seen: set[str] = set()
        for slug in curated.questions:
            if slug not in question_slugs:
                out.add(
                    curated.path, curated.questions_line, f"set lists question '{slug}', which does not exist"
                )
            if slug in seen:
                out.add(curated.path, curated.questions_line, f"set lists question '{slug}' twice")
            seen.add(slug)
    return out.errors


def read_bundle(
    root: Path, extra_questions: Iterable[QuestionSpec] = ()
) -> tuple[ContentBundle, list[ContentError]]:
    """Read every content file under root; return the bundle and every error found, sorted."""
    errors: list[ContentError] = []

    def rel(path: Path) -> str:
        try:
            return str(path.relative_to(root.parent))
        except ValueError:
            return str(path)

    topics: list[TopicSpec] = []
    topics_path = root / "topics.yaml"
    if topics_path.exists():
        parsed, errs = parse_topics(topics_path.read_text(encoding="utf-8"), rel(topics_path))
        topics, errors = parsed, errors + errs
    else:
        errors.append(ContentError(rel(topics_path), 1, "topics.yaml is missing"))

    questions: list[QuestionSpec] = []
    broken: set[str] = set()
    for path in sorted((root / "questions").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        spec, errs = parse_question(text, rel(path))
        errors.extend(errs)
        if spec is not None:
            questions.append(spec)
        elif match := SLUG_LINE_RE.search(text):
            broken.add(match.group(1))
    questions.extend(extra_questions)

    sets: list[SetSpec] = []
    for path in sorted((root / "sets").glob("*.y*ml")):
        set_spec, errs = parse_set(path.read_text(encoding="utf-8"), rel(path))
        errors.extend(errs)
        if set_spec is not None:
            sets.append(set_spec)

    bundle = ContentBundle(tuple(topics), tuple(questions), tuple(sets))
    errors.extend(validate_bundle(bundle, broken_slugs=frozenset(broken)))
    return bundle, sorted(set(errors))

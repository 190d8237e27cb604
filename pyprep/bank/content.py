"""Parse and validate the bank's content files into frozen dataclasses; no ORM here."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from pyprep.bank.levels import KINDS, LEVEL_VALUES, STATUSES
from pyprep.bank.parsing import (
    SLUG_RE,
    Collector,
    ContentError,
    bullets,
    key_lines,
    sections,
    split_front_matter,
    str_list,
    yaml_load,
)
from pyprep.bank.versions import VersionRange

__all__ = ["SLUG_RE", "ContentBundle", "ContentError", "QuestionSpec", "SetSpec", "TopicSpec", "read_bundle"]
from pyprep.bank.rubric import Rubric, parse_rubric, section_yaml

SLUG_LINE_RE = re.compile(r"^slug:\s*([a-z0-9-]+)\s*$", re.MULTILINE)

SECTIONS = {
    "summary": "summary",
    "answer": "answer",
    "key points": "key_points",
    "examples": "examples",
    "checks": "checks",
    "follow-ups": "follow_ups",
    "follow ups": "follow_ups",
    "rubric": "rubric",
}
REQUIRED_SECTIONS = ("summary", "answer", "key_points")
QUESTION_FIELDS = {
    "slug",
    "title",
    "asked_as",
    "level",
    "topics",
    "kind",
    "status",
    "related",
    "docs",
    "reviewed",
}
# "Also asked as": other ways interviewers phrase the question, searched with the title's weight.
ASKED_AS_MAX = 8
# "Further reading": the Python docs pages or PEPs an answer rests on (https addresses only).
DOCS_MAX = 4
SET_FIELDS = {"slug", "title", "description", "featured", "questions"}
TOPIC_FIELDS = {"slug", "name", "description"}


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
    min_version: str = ""  # the oldest Python the example runs on ("3.11"), "" for every supported one
    variants: tuple[tuple[str, str], ...] = ()  # (version range, output) where a version prints otherwise


@dataclass(frozen=True)
class CheckSpec:
    """A hidden assertion program backing a claim in the answer; run on every version like an example."""

    claim: str
    code: str
    line: int
    min_version: str = ""


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
    checks: tuple[CheckSpec, ...] = ()
    line: int = 1
    field_lines: tuple[tuple[str, int], ...] = ()
    rubric: Rubric | None = None  # optional `## Rubric` section: answer-feedback data (see rubric.py)
    asked_as: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()  # https addresses of the docs pages or PEPs the answer rests on
    reviewed: str = ""  # ISO date of the last independent review ("2026-12-01"), "" if never

    def line_of(self, name: str) -> int:
        return dict(self.field_lines).get(name, self.line)

    @property
    def content_hash(self) -> str:
        """A digest of every field the file defines: the loader rewrites a question only when it changes."""
        # Every dataclass field is in it, so a field added later can never be silently left out.
        payload = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False, default=_stable)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _stable(value: object) -> object:
    """JSON for the odd value a spec field may hold: sets sorted (their order varies per run), else repr."""
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    return repr(value)


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


def asked_as_list(value: Any, path: str, line: int, out: Collector) -> tuple[str, ...]:
    """The front matter's asked_as: a list of short phrasings, each on one line."""
    items = str_list(value if value is not None else [])
    if items is None or any(not item.strip() or "\n" in item.strip() for item in items):
        out.add(path, line, "asked_as must be a list of one-line phrasings (- How do you ...?)")
        return ()
    if len(items) > ASKED_AS_MAX:
        out.add(path, line, f"asked_as has {len(items)} phrasings; keep it to at most {ASKED_AS_MAX}")
    return tuple(item.strip() for item in items)


def docs_list(value: Any, path: str, line: int, out: Collector) -> tuple[str, ...]:
    """The front matter's docs: up to DOCS_MAX https addresses of the pages the answer rests on."""
    items = str_list(value if value is not None else [])
    if items is None:
        out.add(path, line, "docs must be a list of https addresses (- https://docs.python.org/3/...)")
        return ()
    urls = tuple(item.strip() for item in items)
    for url in urls:
        if not DOCS_URL_RE.match(url):
            out.add(path, line, f"docs entry '{url}' must be one https address without spaces")
    if len(urls) > DOCS_MAX:
        out.add(path, line, f"docs has {len(urls)} addresses; keep it to at most {DOCS_MAX}")
    return urls


def reviewed_date(value: Any, path: str, line: int, out: Collector) -> str:
    """The front matter's reviewed: the date of the last independent review, as YYYY-MM-DD."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    try:
        return datetime.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        out.add(path, line, f"reviewed must be a date like 2026-12-01, not '{value}'")
        return ""


DOCS_URL_RE = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/\S*)?$")

_MD = MarkdownIt("commonmark")


def _fence(info: str, path: str, line: int, out: Collector) -> tuple[str, str]:
    """A fence's language and its version range ("python 3.11+" -> ("python", "3.11+"))."""
    words = info.strip().lower().split()
    language = words[0] if words else ""
    spec = " ".join(words[1:])
    if spec:
        try:
            VersionRange.parse(spec)
        except ValueError as error:
            out.add(path, line, str(error))
            return language, ""
    return language, spec


def _min_version(spec: str, path: str, line: int, out: Collector) -> str:
    if not spec:
        return ""
    version_range = VersionRange.parse(spec)
    if version_range.high is not None:
        out.add(path, line, f"a code block names the oldest Python it needs, like '3.11+', not '{spec}'")
        return ""
    return version_range.low


def _examples(text: str, first_line: int, path: str, out: Collector) -> tuple[ExampleSpec, ...]:
    examples: list[ExampleSpec] = []
    pending: ExampleSpec | None = None  # the code block waiting for its output blocks
    title = ""
    tokens = _MD.parse(text)

    def close() -> None:
        nonlocal pending
        if pending is not None:
            if not pending.output and not pending.variants:
                out.add(path, pending.line, "example has no output block: follow the code with ```output")
            elif not pending.output:
                out.add(path, pending.line, "example has only versioned outputs: add a plain ```output block")
            else:
                examples.append(pending)
        pending = None

    for index, token in enumerate(tokens):
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "heading_open" and token.tag == "h3":
            title = tokens[index + 1].content.strip()
        elif token.type == "fence":
            language, spec = _fence(token.info, path, line, out)
            if language in {"python", "py", "python3"}:
                close()
                pending = ExampleSpec(title, token.content, "", line, _min_version(spec, path, line, out))
                title = ""
            elif language in {"output", "text"}:
                if pending is None:
                    out.add(path, line, "output block without a python code block before it")
                elif spec:
                    pending = replace(pending, variants=(*pending.variants, (spec, token.content)))
                elif pending.output:
                    out.add(
                        path, line, "a second plain output block: give it a version, like ```output 3.13+"
                    )
                else:
                    pending = replace(pending, output=token.content)
            else:
                out.add(
                    path,
                    line,
                    f"unexpected code block '{language or 'no language'}' in Examples: use ```python then ```output",
                )
    close()
    return tuple(examples)


def _checks(text: str, first_line: int, path: str, out: Collector) -> tuple[CheckSpec, ...]:
    """'### the claim' then a ```python block of assertions that must run without an exception."""
    checks: list[CheckSpec] = []
    claim, claim_line = "", first_line
    tokens = _MD.parse(text)
    for index, token in enumerate(tokens):
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "heading_open" and token.tag == "h3":
            claim, claim_line = tokens[index + 1].content.strip(), line
        elif token.type == "fence":
            language, spec = _fence(token.info, path, line, out)
            if language not in {"python", "py", "python3"}:
                out.add(
                    path,
                    line,
                    f"a check is a ```python block of assertions, not '{language or 'no language'}'",
                )
            elif not claim:
                out.add(path, line, "a check needs a '### ' heading saying which claim it backs")
            else:
                checks.append(CheckSpec(claim, token.content, line, _min_version(spec, path, line, out)))
                claim = ""
    if claim:
        out.add(path, claim_line, "check heading without a ```python block under it")
    return tuple(checks)


def parse_question(text: str, path: str) -> tuple[QuestionSpec | None, list[ContentError]]:
    """Parse one question file: YAML front matter, then '## ' sections."""
    out = Collector()
    split = split_front_matter(text, path, out)
    if split is None:
        return None, out.errors
    front_text, body, body_line = split
    meta = yaml_load(front_text, path, 2, out)
    if out.errors:
        return None, out.errors
    if not isinstance(meta, dict):
        out.add(path, 2, "front matter must be a YAML mapping of fields")
        return None, out.errors
    key_line = key_lines(front_text, 2)

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
    topics = str_list(meta.get("topics") or [])
    if topics is None:
        out.add(path, line_of("topics"), "topics must be a list of topic slugs")
        topics = []
    related = str_list(meta.get("related") or [])
    if related is None:
        out.add(path, line_of("related"), "related must be a list of question slugs")
        related = []
    asked_as = asked_as_list(meta.get("asked_as"), path, line_of("asked_as"), out)
    docs = docs_list(meta.get("docs"), path, line_of("docs"), out)
    reviewed = reviewed_date(meta.get("reviewed"), path, line_of("reviewed"), out)

    found = sections(
        body,
        body_line,
        path,
        out,
        names=SECTIONS,
        expected=f"expected one of: {', '.join(sorted(set(SECTIONS)))}",
    )
    for key in REQUIRED_SECTIONS:
        if not found.get(key, ("", 0))[0].strip():
            heading = {"summary": "Summary", "answer": "Answer", "key_points": "Key points"}[key]
            out.add(path, body_line, f"missing section '## {heading}'")
    summary, _ = found.get("summary", ("", body_line))
    answer, _ = found.get("answer", ("", body_line))
    kp_text, kp_line = found.get("key_points", ("", body_line))
    key_points = bullets(kp_text, kp_line, path, "Key points", out)
    fu_text, fu_line = found.get("follow_ups", ("", body_line))
    follow_ups = bullets(fu_text, fu_line, path, "Follow-ups", out)
    ex_text, ex_line = found.get("examples", ("", body_line))
    examples = _examples(ex_text, ex_line, path, out)
    ck_text, ck_line = found.get("checks", ("", body_line))
    checks = _checks(ck_text, ck_line, path, out)
    rubric = rubric_section(found, body, body_line, len(key_points), path, out)
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
            checks=checks,
            field_lines=tuple(sorted(key_line.items())),
            rubric=rubric,
            asked_as=asked_as,
            docs=docs,
            reviewed=reviewed,
        ),
        [],
    )


def rubric_section(
    sections: dict[str, tuple[str, int]],
    body: str,
    body_line: int,
    key_point_count: int,
    path: str,
    out: Collector,
    *,
    after: str = "## Follow-ups",
) -> Rubric | None:
    """The optional `## Rubric` section, which must come last (after `after`)."""
    if "rubric" not in sections:
        return None
    text, line = sections["rubric"]
    if max(start for _, start in sections.values()) != line:
        out.add(path, line - 1, f"'## Rubric' must be the last section of the file, after '{after}'")
    raw_section = "\n".join(body.splitlines()[line - body_line :])
    yaml_text, offset = section_yaml(raw_section)
    rubric, problems = parse_rubric(yaml_text, key_point_count=key_point_count)
    for problem in problems:
        out.add(path, line + offset + max(problem.line, 1) - 1, problem.message)
    return rubric


def parse_topics(text: str, path: str) -> tuple[list[TopicSpec], list[ContentError]]:
    out = Collector()
    data = yaml_load(text, path, 1, out)
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
    out = Collector()
    data = yaml_load(text, path, 1, out)
    if out.errors:
        return None, out.errors
    if not isinstance(data, dict):
        out.add(path, 1, "a curated set must be a YAML mapping")
        return None, out.errors
    key_line = key_lines(text, 1)
    for key in sorted(set(data) - SET_FIELDS):
        out.add(
            path, key_line.get(key, 1), f"unknown field '{key}' (allowed: {', '.join(sorted(SET_FIELDS))})"
        )
    for key in ("slug", "title", "questions"):
        if data.get(key) in (None, "", []):
            out.add(path, key_line.get(key, 1), f"missing field '{key}'")
    questions = str_list(data.get("questions") or [])
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


def _duplicates(items: Iterable[tuple[str, str, int]], what: str, out: Collector) -> None:
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
    out = Collector()
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

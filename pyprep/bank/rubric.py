"""The answer-feedback rubric of a question: parse and validate the `## Rubric` section (pure, no ORM).

A rubric says, per key point, which concepts an answer must state (each concept a list of accepted
alternatives, one of which suffices), and per question the misconceptions candidates actually voice, each
with the key points it contradicts and a one-line correction. The format is documented in
docs/content-format.md ("Rubric").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

RUBRIC_FIELDS = {"key_points", "misconceptions"}
POINT_FIELDS = {"point", "concepts"}
MISCONCEPTION_FIELDS = {"claim", "concepts", "unless", "contradicts", "correction"}
MAX_ALTERNATIVE_LENGTH = 80
MAX_CORRECTION_LENGTH = 240
REGEX_PREFIX = "re:"
YAML_FENCE_RE = re.compile(r"^\s*(```|~~~)\s*(yaml|yml)?\s*$", re.IGNORECASE)


class _RubricLoader(yaml.SafeLoader):
    """YAML without implicit booleans, floats and nulls: `no`, `off`, `3.10` and `null` stay the text typed."""


_RubricLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag.endswith((":int", ":merge", ":str"))]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Concept:
    """One thing an answer must say: any one of `alternatives` (phrases, or `re:` regular expressions)."""

    alternatives: tuple[str, ...]


@dataclass(frozen=True)
class PointRubric:
    """What an answer must state, in one sentence or clause, to cover one key point."""

    concepts: tuple[Concept, ...]


@dataclass(frozen=True)
class Misconception:
    """A wrong claim candidates make; stating it contradicts the listed key points (0-based indexes)."""

    claim: str
    concepts: tuple[Concept, ...]
    contradicts: tuple[int, ...]
    correction: str
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rubric:
    points: tuple[PointRubric | None, ...]  # one per key point, in key-point order
    misconceptions: tuple[Misconception, ...] = ()

    def to_data(self) -> dict[str, Any]:
        """The JSON-able form stored with the question (and read back by `rubric_from_data`)."""
        return {
            "points": [
                [list(c.alternatives) for c in point.concepts] if point else [] for point in self.points
            ],
            "misconceptions": [misconception_to_data(m) for m in self.misconceptions],
        }


@dataclass(frozen=True)
class RubricProblem:
    line: int  # 1-based line inside the YAML text (0 when unknown)
    message: str


def misconception_to_data(item: Misconception) -> dict[str, Any]:
    return {
        "claim": item.claim,
        "concepts": [list(c.alternatives) for c in item.concepts],
        "unless": list(item.unless),
        "contradicts": list(item.contradicts),
        "correction": item.correction,
    }


def concepts_from_data(data: Any) -> tuple[Concept, ...]:
    """Concepts as stored ([[alt, ...], ...]); trusts data written by this module."""
    if not isinstance(data, list):
        return ()
    return tuple(
        Concept(tuple(str(a) for a in (alts if isinstance(alts, list) else [alts]))) for alts in data if alts
    )


def misconception_from_data(data: dict[str, Any]) -> Misconception:
    return Misconception(
        claim=str(data.get("claim", "")),
        concepts=concepts_from_data(data.get("concepts")),
        contradicts=tuple(int(i) for i in data.get("contradicts", [])),
        correction=str(data.get("correction", "")),
        unless=tuple(str(u) for u in data.get("unless", [])),
    )


def rubric_from_data(data: Any) -> Rubric | None:
    if not isinstance(data, dict) or not data:
        return None
    points = tuple(PointRubric(concepts_from_data(p)) if p else None for p in data.get("points", []))
    misconceptions = tuple(misconception_from_data(m) for m in data.get("misconceptions", []))
    return Rubric(points=points, misconceptions=misconceptions)


def section_yaml(section: str) -> tuple[str, int]:
    """The YAML inside the section's ```yaml fence (or the bare section) and the section line it starts on."""
    lines = section.splitlines()
    for index, raw in enumerate(lines):
        if YAML_FENCE_RE.match(raw):
            for end in range(index + 1, len(lines)):
                if lines[end].strip() in {"```", "~~~"}:
                    return "\n".join(lines[index + 1 : end]), index + 1
            return "\n".join(lines[index + 1 :]), index + 1
    return section, 0


def _line_index(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.splitlines(), start=1))


def _find_line(lines: list[tuple[int, str]], needle: str, after: int = 0) -> int:
    for number, raw in lines:
        if number > after and needle in raw:
            return number
    return after or 1


def _alternative_problem(alternative: str) -> str:
    if not alternative.strip():
        return "an alternative is empty"
    if len(alternative) > MAX_ALTERNATIVE_LENGTH:
        return f"alternative '{alternative[:30]}…' is longer than {MAX_ALTERNATIVE_LENGTH} characters"
    if alternative.startswith(REGEX_PREFIX):
        try:
            re.compile(alternative[len(REGEX_PREFIX) :].strip(), re.IGNORECASE)
        except re.error as exc:
            return f"alternative '{alternative}' is not a valid regular expression: {exc}"
    return ""


def _concepts(value: Any, where: str, line: int, problems: list[RubricProblem]) -> tuple[Concept, ...]:
    """A list whose items are a phrase or a list of alternative phrases (one of them suffices)."""
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else None
    if not items:
        problems.append(RubricProblem(line, f"{where}: concepts must be a non-empty list"))
        return ()
    concepts: list[Concept] = []
    for item in items:
        alternatives = item if isinstance(item, list) else [item]
        if not alternatives or not all(isinstance(a, str | int | float) for a in alternatives):
            problems.append(
                RubricProblem(line, f"{where}: each concept is a phrase or a list of alternative phrases")
            )
            continue
        texts = [str(a).strip() for a in alternatives]
        for text in texts:
            if problem := _alternative_problem(text):
                problems.append(RubricProblem(line, f"{where}: {problem}"))
        concepts.append(Concept(tuple(texts)))
    return tuple(concepts)


def concepts_problem(value: Any) -> str:
    """Why a stored concepts value ([[alternative, ...], ...]) is malformed, or '' when it is fine."""
    if not isinstance(value, list):
        return "Concepts must be a list of lists of alternative phrases."
    for item in value:
        if not isinstance(item, list) or not item or not all(isinstance(a, str) for a in item):
            return "Each concept must be a non-empty list of alternative phrases (strings)."
        for alternative in item:
            if problem := _alternative_problem(alternative):
                return problem[0].upper() + problem[1:] + "."
    return ""


def parse_rubric(text: str, *, key_point_count: int) -> tuple[Rubric | None, list[RubricProblem]]:
    """Parse and validate a rubric's YAML against a question with `key_point_count` key points."""
    problems: list[RubricProblem] = []
    try:
        data = yaml.load(text, Loader=_RubricLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        hint = " (quote a value that contains ': ')" if "mapping values" in str(exc.problem) else ""
        return None, [
            RubricProblem((mark.line + 1) if mark else 0, f"broken YAML in Rubric: {exc.problem}{hint}")
        ]
    except yaml.YAMLError as exc:
        return None, [RubricProblem(0, f"broken YAML in Rubric: {exc}")]
    lines = _line_index(text)
    if not isinstance(data, dict):
        return None, [RubricProblem(1, "Rubric must be a YAML mapping with key_points (and misconceptions)")]
    for key in sorted(set(data) - RUBRIC_FIELDS, key=str):
        problems.append(
            RubricProblem(
                _find_line(lines, f"{key}:"),
                f"unknown Rubric field '{key}' (allowed: key_points, misconceptions)",
            )
        )
    raw_points = data.get("key_points")
    points: list[PointRubric | None] = [None] * key_point_count
    if not isinstance(raw_points, list) or not raw_points:
        problems.append(
            RubricProblem(
                _find_line(lines, "key_points"),
                "Rubric needs key_points: a list with one entry per key point",
            )
        )
        raw_points = []
    cursor = 0
    for entry in raw_points:
        line = _find_line(lines, "point:", cursor)
        cursor = line
        if not isinstance(entry, dict):
            problems.append(RubricProblem(line, "each key_points entry is a mapping with point and concepts"))
            continue
        for key in sorted(set(entry) - POINT_FIELDS, key=str):
            problems.append(
                RubricProblem(line, f"unknown field '{key}' in a key_points entry (allowed: point, concepts)")
            )
        number = entry.get("point")
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= key_point_count:
            problems.append(
                RubricProblem(
                    line, f"point must be a key point number from 1 to {key_point_count}, got {number!r}"
                )
            )
            continue
        if points[number - 1] is not None:
            problems.append(RubricProblem(line, f"key point {number} has two rubric entries"))
            continue
        points[number - 1] = PointRubric(
            _concepts(entry.get("concepts"), f"key point {number}", line, problems)
        )
    missing = [str(i + 1) for i, point in enumerate(points) if point is None]
    if raw_points and missing:
        problems.append(
            RubricProblem(
                _find_line(lines, "key_points"), f"Rubric has no entry for key point(s) {', '.join(missing)}"
            )
        )

    misconceptions: list[Misconception] = []
    raw_wrong = data.get("misconceptions") or []
    if not isinstance(raw_wrong, list):
        problems.append(RubricProblem(_find_line(lines, "misconceptions"), "misconceptions must be a list"))
        raw_wrong = []
    cursor = _find_line(lines, "misconceptions")
    for number, entry in enumerate(raw_wrong, start=1):
        line = _find_line(lines, "claim:", cursor)
        cursor = line
        where = f"misconception {number}"
        if not isinstance(entry, dict):
            problems.append(
                RubricProblem(
                    line, f"{where} must be a mapping with claim, concepts, contradicts, correction"
                )
            )
            continue
        for key in sorted(set(entry) - MISCONCEPTION_FIELDS, key=str):
            problems.append(
                RubricProblem(
                    line,
                    f"unknown field '{key}' in {where} (allowed: {', '.join(sorted(MISCONCEPTION_FIELDS))})",
                )
            )
        claim = entry.get("claim")
        correction = entry.get("correction")
        if not isinstance(claim, str) or not claim.strip():
            problems.append(
                RubricProblem(line, f"{where} needs claim: the wrong statement, as a candidate says it")
            )
            claim = ""
        if not isinstance(correction, str) or not correction.strip():
            problems.append(RubricProblem(line, f"{where} needs correction: one line that puts it right"))
            correction = ""
        elif "\n" in correction.strip() or len(correction) > MAX_CORRECTION_LENGTH:
            problems.append(
                RubricProblem(
                    line,
                    f"{where}: correction must be one line of at most {MAX_CORRECTION_LENGTH} characters",
                )
            )
        contradicts = entry.get("contradicts")
        if isinstance(contradicts, int) and not isinstance(contradicts, bool):
            contradicts = [contradicts]
        if (
            not isinstance(contradicts, list)
            or not contradicts
            or not all(
                isinstance(i, int) and not isinstance(i, bool) and 1 <= i <= key_point_count
                for i in contradicts
            )
        ):
            problems.append(
                RubricProblem(
                    line, f"{where}: contradicts must list key point numbers from 1 to {key_point_count}"
                )
            )
            contradicts = []
        unless_raw = entry.get("unless") or []
        if isinstance(unless_raw, str):
            unless_raw = [unless_raw]
        unless: list[str] = []
        if not isinstance(unless_raw, list) or not all(isinstance(u, str) for u in unless_raw):
            problems.append(RubricProblem(line, f"{where}: unless must be a list of phrases"))
        else:
            for phrase in unless_raw:
                if problem := _alternative_problem(phrase):
                    problems.append(RubricProblem(line, f"{where}: {problem}"))
            unless = [u.strip() for u in unless_raw]
        concepts = _concepts(entry.get("concepts"), where, line, problems)
        misconceptions.append(
            Misconception(
                claim=claim.strip(),
                concepts=concepts,
                contradicts=tuple(i - 1 for i in contradicts),
                correction=correction.strip(),
                unless=tuple(unless),
            )
        )
    if problems:
        return None, problems
    return Rubric(points=tuple(points), misconceptions=tuple(misconceptions)), []

"""Audit the bank's rubric data: `uv run python -m pyprep.practice.rubric_audit [--thin N] [--untuned-only]`.

The lists a curator works from:
- misconceptions that fire on the question's own model answer, summary or key points: each would show a
  correction to a candidate who answered correctly (tighten its concepts or add an `unless`);
- questions with thin rubric data: fewer than N misconceptions, or key points without concepts;
- self-checks, for bank questions and coding challenges alike: a key point that its own text, typed as an
  answer, does not earn; a misconception whose own claim, typed as an answer, still earns a point it
  contradicts (it does not catch its own wording: often an `unless` phrase the claim itself contains).
`--untuned-only` leaves out questions that an evaluation set under tests/ already covers.

`--probes [FILE ...]` instead runs the curators' probes through the full matcher (learned step included): per
question a YAML file under tests/rubric_probes/ with, per key point, `wrong` answers that must earn no tick on it
and `right` answers that should. It lists each wrong probe that ticks its point and each right probe that misses,
with totals. The wrong probes are a regression guard for the rubric data (pyprep/practice/tests); they are the
data the rubric was widened on, never a measure of the matcher (the blind sets under tests/ are).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from pyprep.bank.content import parse_question
from pyprep.bank.rubric import Rubric
from pyprep.practice.answer_text import analyse
from pyprep.practice.evaluate import CONTENT, ROOT, bank_questions
from pyprep.practice.feedback import COVERED, evidence, match, misconception_clause

PROBES = ROOT / "tests" / "rubric_probes"
EVAL_SETS = ("feedback_eval", "feedback_eval_blind", "feedback_eval_blind2", "feedback_eval_blind3")
_SECTION_RE = re.compile(r"^## (.+?)\s*$", re.MULTILINE)
_FENCE_RE = re.compile(r"^(```|~~~).*?^\1\s*$", re.MULTILINE | re.DOTALL)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z`*(\"'])")


@dataclass(frozen=True)
class FalseFire:
    slug: str
    claim: str
    sentence: str


@dataclass(frozen=True)
class SelfCheck:
    slug: str
    problem: str  # "point not earned" or "claim not caught"
    text: str  # the key point, or the misconception's claim
    detail: str


def check_rubric(slug: str, title: str, key_points: tuple[str, ...], rubric: Rubric) -> list[SelfCheck]:
    """A question's rubric data read against itself by the rules (the learned step is not consulted): each key
    point typed back as an answer must earn that point; each misconception's claim typed as an answer must not
    earn a point it contradicts."""
    found: list[SelfCheck] = []
    points = list(key_points)
    for index, point in enumerate(points):
        status = (
            evidence(answer=point, key_points=points, question=title, rubric=rubric)[0].points[index].status
        )
        if status != COVERED:
            found.append(
                SelfCheck(slug, "point not earned", point, f"point {index + 1} typed back: {status}")
            )
    for item in rubric.misconceptions:
        verdict = evidence(answer=item.claim, key_points=points, question=title, rubric=rubric)[0]
        earned = [i + 1 for i in item.contradicts if i < len(points) and verdict.points[i].status == COVERED]
        if earned:
            found.append(
                SelfCheck(slug, "claim not caught", item.claim, f"earns point(s) {earned} it contradicts")
            )
    return found


def self_checks(content: Path = CONTENT) -> list[SelfCheck]:
    """`check_rubric` over every bank question and coding challenge that has rubric data."""
    return [
        check
        for slug, (title, key_points, rubric) in bank_questions(content).items()
        for check in check_rubric(slug, title, key_points, rubric)
    ]


def evaluated_slugs(root: Path = ROOT / "tests") -> frozenset[str]:
    slugs: set[str] = set()
    for name in EVAL_SETS:
        for path in sorted((root / name).glob("*.yaml")):
            slugs |= {str(entry["slug"]) for entry in yaml.safe_load(path.read_text(encoding="utf-8"))}
    return frozenset(slugs)


def model_sentences(text: str, key_points: tuple[str, ...]) -> list[str]:
    """The sentences of the Summary and Answer sections (code left out) and the key points."""
    parts = _SECTION_RE.split(text)
    prose = " \n\n".join(
        body for title, body in zip(parts[1::2], parts[2::2], strict=False) if title in {"Summary", "Answer"}
    )
    prose = _FENCE_RE.sub("\n\n", prose)
    sentences: list[str] = []
    for block in re.split(r"\n\s*\n|\n\s*[-*]\s+|\n\s*\d+\.\s+", prose):
        flat = " ".join(block.split())
        sentences.extend(s for s in _SENTENCE_RE.split(flat) if s.strip())
    return sentences + list(key_points)


def audit(content: Path = CONTENT) -> tuple[list[FalseFire], list[tuple[str, int, int]]]:
    """(misconceptions that fire on the model answer, (slug, misconceptions, points without concepts))."""
    fires: list[FalseFire] = []
    thin: list[tuple[str, int, int]] = []
    for path in sorted(content.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        spec, _errors = parse_question(text, str(path))
        if spec is None:
            continue
        rubric = spec.rubric
        if rubric is None:
            thin.append((spec.slug, 0, len(spec.key_points)))
            continue
        bare = sum(1 for point in rubric.points if point is None or not point.concepts)
        thin.append((spec.slug, len(rubric.misconceptions), bare))
        sentences = model_sentences(text, spec.key_points)
        for item in rubric.misconceptions:
            for sentence in sentences:
                if misconception_clause(item, analyse(sentence)) is not None:
                    fires.append(FalseFire(spec.slug, item.claim, sentence))
                    break
    return fires, thin


@dataclass(frozen=True)
class ProbeMiss:
    slug: str
    point: int  # 1-based, as the probe file numbers key points
    wrong: bool  # a wrong probe that ticks its point (else a right probe that does not)
    answer: str
    detail: str


@dataclass(frozen=True)
class ProbeReport:
    files: int
    wrong: int
    wrong_ticked: int
    right: int
    right_earned: int
    misses: tuple[ProbeMiss, ...]


def run_probes(paths: list[Path], content: Path = CONTENT) -> ProbeReport:
    """Each probe file's answers through `match`. A probe file naming a question without rubric data or a key
    point the question does not have raises ValueError: the probes must follow the content they guard."""
    questions = bank_questions(content)
    wrong = wrong_ticked = right = right_earned = 0
    misses: list[ProbeMiss] = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "slug" not in data:
            raise ValueError(f"{path}: a probe file is a mapping with `slug` and `probes`")
        slug = str(data["slug"])
        if slug not in questions:
            raise ValueError(f"{path}: no question with rubric data has the slug {slug!r}")
        title, key_points, rubric = questions[slug]
        points = list(key_points)
        for probe in data.get("probes") or []:
            number = int(probe["point"])
            if not 1 <= number <= len(points):
                raise ValueError(f"{path}: {slug} has no key point {number} (it has {len(points)})")
            for answer in probe.get("wrong") or []:
                result = match(answer=answer, key_points=points, question=title, rubric=rubric)
                wrong += 1
                if result.points[number - 1].covered:
                    wrong_ticked += 1
                    ticks = [p.index + 1 for p in result.points if p.covered]
                    misses.append(ProbeMiss(slug, number, True, answer, f"ticks points {ticks}"))
            for answer in probe.get("right") or []:
                result = match(answer=answer, key_points=points, question=title, rubric=rubric)
                right += 1
                if result.points[number - 1].covered:
                    right_earned += 1
                else:
                    misses.append(ProbeMiss(slug, number, False, answer, result.points[number - 1].status))
    return ProbeReport(len(paths), wrong, wrong_ticked, right, right_earned, tuple(misses))


def probe_files(names: list[str]) -> list[Path]:
    """The named probe files, or every one under tests/rubric_probes/."""
    return [Path(name) for name in names] if names else sorted(PROBES.glob("*.yaml"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--thin", type=int, default=3, help="list questions with fewer misconceptions")
    parser.add_argument("--untuned-only", action="store_true", help="skip questions in evaluation sets")
    parser.add_argument(
        "--probes",
        nargs="*",
        metavar="FILE",
        help="run probe files instead (default: all of tests/rubric_probes/)",
    )
    args = parser.parse_args(argv)
    if args.probes is not None:
        report = run_probes(probe_files(args.probes))
        for miss in report.misses:
            label = "WRONG TICKED" if miss.wrong else "right missed"
            print(f"  {miss.slug} p{miss.point} {label} ({miss.detail}): {miss.answer[:200]}")
        print(
            f"{report.files} probe files: wrong probes ticking their point {report.wrong_ticked}/{report.wrong}; "
            f"right probes earning their point {report.right_earned}/{report.right}"
        )
        return
    skip = evaluated_slugs() if args.untuned_only else frozenset()
    fires, thin = audit()
    fires = [f for f in fires if f.slug not in skip]
    print(f"{len(fires)} misconceptions fire on their own question's model answer:")
    for fire in fires:
        print(f"  {fire.slug}: {fire.claim}\n      on: {fire.sentence[:160]}")
    short = [row for row in thin if row[0] not in skip and (row[1] < args.thin or row[2])]
    print(f"{len(short)} questions with fewer than {args.thin} misconceptions or points without concepts:")
    for slug, count, bare in short:
        print(f"  {slug}: {count} misconceptions, {bare} key points without concepts")
    checks = [c for c in self_checks() if c.slug not in skip]
    print(f"{len(checks)} self-check failures (key points their own text does not earn; claims not caught):")
    for check in checks:
        print(f"  {check.slug}: {check.problem}: {check.text[:120]}\n      {check.detail}")


if __name__ == "__main__":
    main()

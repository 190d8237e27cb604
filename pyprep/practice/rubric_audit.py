"""Audit the bank's rubric data: `uv run python -m pyprep.practice.rubric_audit [--thin N] [--untuned-only]`.

Two lists a curator works from:
- misconceptions that fire on the question's own model answer, summary or key points: each would show a
  correction to a candidate who answered correctly (tighten its concepts or add an `unless`);
- questions with thin rubric data: fewer than N misconceptions, or key points without concepts.
`--untuned-only` leaves out questions that an evaluation set under tests/ already covers.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from pyprep.bank.content import parse_question
from pyprep.practice.answer_text import analyse
from pyprep.practice.evaluate import CONTENT, ROOT
from pyprep.practice.feedback import misconception_clause

EVAL_SETS = ("feedback_eval", "feedback_eval_blind", "feedback_eval_blind2", "feedback_eval_blind3")
_SECTION_RE = re.compile(r"^## (.+?)\s*$", re.MULTILINE)
_FENCE_RE = re.compile(r"^(```|~~~).*?^\1\s*$", re.MULTILINE | re.DOTALL)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z`*(\"'])")


@dataclass(frozen=True)
class FalseFire:
    slug: str
    claim: str
    sentence: str


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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--thin", type=int, default=3, help="list questions with fewer misconceptions")
    parser.add_argument("--untuned-only", action="store_true", help="skip questions in evaluation sets")
    args = parser.parse_args(argv)
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


if __name__ == "__main__":
    main()

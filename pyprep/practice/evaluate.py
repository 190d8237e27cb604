"""Measure the key-point matcher on a judgments file: `uv run python -m pyprep.practice.evaluate [--judgments FILE] [--json]`.

A judgments file is a YAML list of questions (slug, question, key_points, answers: [kind, text, covers]);
`covers` lists the indexes of the key points a person judged the answer to cover. Where the bank has the
question's slug with an identical key point (a question's or a coding challenge's), the matcher gets that
point's rubric data (and the bank's misconceptions about such points); otherwise it has only the text. Contradicted and can't-tell count as
not covered.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pyprep.bank.content import QuestionSpec, parse_question
from pyprep.bank.registry import question_readers
from pyprep.bank.rubric import Misconception, PointRubric, Rubric
from pyprep.practice.feedback import match

ROOT = Path(__file__).resolve().parents[2]
JUDGMENTS = ROOT / "tests" / "feedback_eval" / "judgments.yaml"
CONTENT = ROOT / "content" / "questions"
WRONG_KINDS = ("wrong", "swap")  # kinds whose answers should get no credit at all


@dataclass(frozen=True)
class Miss:
    slug: str
    kind: str
    answer: str
    key_point: str
    expected: bool
    status: str


@dataclass
class Confusion:
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0

    def add(self, *, expected: bool, predicted: bool) -> None:
        if predicted:
            self.tp += expected
            self.fp += not expected
        else:
            self.fn += expected
            self.tn += not expected

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.tn + self.fn

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.total if self.total else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def kappa(self) -> float:
        """Cohen's κ between the matcher and the labels (1.0 when both agree on a one-class set)."""
        n = self.total
        if not n:
            return 0.0
        observed = (self.tp + self.tn) / n
        expected = ((self.tp + self.fp) * (self.tp + self.fn) + (self.fn + self.tn) * (self.fp + self.tn)) / (
            n * n
        )
        return 1.0 if expected == 1 else (observed - expected) / (1 - expected)

    def to_dict(self) -> dict[str, Any]:
        return {
            "judgments": self.total,
            "accuracy": round(self.accuracy, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "kappa": round(self.kappa, 4),
            "tp": self.tp,
            "fp": self.fp,
            "tn": self.tn,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class Scores:
    overall: Confusion
    by_kind: dict[str, Confusion]
    questions: int
    verdicts: tuple[tuple[int, ...], ...]
    wrong_answers: int
    wrong_credited: int  # given any ✓, even on a point the labels say the answer does state correctly
    wrong_falsely_credited: int  # given a ✓ the labels do not give
    wrong_labelled: int  # labelled as stating some point correctly (a perfect matcher credits these)
    misses: tuple[Miss, ...]
    rubric_points: int  # key points judged with bank rubric data

    @property
    def judgments(self) -> int:
        return self.overall.total

    @property
    def accuracy(self) -> float:
        return self.overall.accuracy

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def kappa(self) -> float:
        return self.overall.kappa

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdicts": [list(v) for v in self.verdicts],
            "questions": self.questions,
            **self.overall.to_dict(),
            "by_kind": {kind: c.to_dict() for kind, c in self.by_kind.items()},
            "wrong_or_swapped": {
                "answers": self.wrong_answers,
                "credited": self.wrong_credited,
                "falsely_credited": self.wrong_falsely_credited,
                "labelled_with_a_point": self.wrong_labelled,
            },
            "rubric_key_points": self.rubric_points,
        }


def load(path: Path = JUDGMENTS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        data: list[dict[str, Any]] = yaml.safe_load(handle)
    return data


def bank_questions(root: Path = CONTENT) -> dict[str, tuple[str, tuple[str, ...], Rubric]]:
    """slug -> (title, key points, rubric) for every question with rubric data: the files under `root` and the
    questions other apps keep beside it (a coding challenge's key points, under `root.parent`). Read afresh on
    each call (the rubric audit runs while curators edit); `bank_rubrics` is the cached view."""
    specs = [
        parse_question(path.read_text(encoding="utf-8"), str(path))[0] for path in sorted(root.rglob("*.md"))
    ]
    return {
        spec.slug: (spec.title, spec.key_points, spec.rubric)
        for spec in [*specs, *_contributed(root.parent)]
        if spec is not None and spec.rubric is not None
    }


@lru_cache(maxsize=1)
def bank_rubrics(root: Path = CONTENT) -> dict[str, tuple[tuple[str, ...], Rubric]]:
    """slug -> (key points, rubric): `bank_questions` without the titles, read once."""
    return {slug: (key_points, rubric) for slug, (_title, key_points, rubric) in bank_questions(root).items()}


@lru_cache(maxsize=1)
def contributed_slugs(root: Path = CONTENT) -> frozenset[str]:
    """The slugs of the questions other apps keep beside the bank (a coding challenge's key points)."""
    return frozenset(spec.slug for spec in _contributed(root.parent))


def _contributed(root: Path) -> list[QuestionSpec]:
    """Questions other apps keep under the content root (a coding challenge's key points), read from files."""
    from django.apps import apps

    if not apps.ready:
        import django

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
        django.setup()
    return [spec for reader in question_readers() for spec in reader(root)]


def rubric_for(
    slug: str, key_points: list[str], bank: dict[str, tuple[tuple[str, ...], Rubric]]
) -> Rubric | None:
    """The bank's rubric data for the key points of `key_points` that the bank has word for word."""
    if slug not in bank:
        return None
    bank_points, rubric = bank[slug]
    where = {text.strip(): index for index, text in enumerate(bank_points)}
    mapping = {where[text.strip()]: mine for mine, text in enumerate(key_points) if text.strip() in where}
    if not mapping:
        return None
    points: list[PointRubric | None] = [None] * len(key_points)
    for bank_index, mine in mapping.items():
        if bank_index < len(rubric.points):
            points[mine] = rubric.points[bank_index]
    misconceptions = []
    for item in rubric.misconceptions:
        contradicts = tuple(mapping[i] for i in item.contradicts if i in mapping)
        if contradicts:
            misconceptions.append(
                Misconception(item.claim, item.concepts, contradicts, item.correction, item.unless)
            )
    return Rubric(points=tuple(points), misconceptions=tuple(misconceptions))


def evaluate(entries: list[dict[str, Any]], *, use_rubrics: bool = True, content: Path = CONTENT) -> Scores:
    """Run the matcher on every (answer, key point) pair and compare with the hand judgment."""
    bank = bank_rubrics(content) if use_rubrics else {}
    overall = Confusion()
    kinds: dict[str, Confusion] = {}
    misses: list[Miss] = []
    verdicts: list[tuple[int, ...]] = []
    wrong_answers = wrong_credited = wrong_falsely_credited = wrong_labelled = rubric_points = 0
    for entry in entries:
        key_points = [str(p) for p in entry["key_points"]]
        rubric = rubric_for(str(entry["slug"]), key_points, bank)
        if rubric is not None:
            rubric_points += sum(p is not None for p in rubric.points) * len(entry["answers"])
        for answer in entry["answers"]:
            result = match(
                answer=answer["text"], key_points=key_points, question=entry["question"], rubric=rubric
            )
            covered = tuple(point.index for point in result.points if point.covered)
            verdicts.append(covered)
            kind = str(answer["kind"])
            expected_set = set(answer.get("covers") or [])
            if any(word in kind for word in WRONG_KINDS):
                wrong_answers += 1
                wrong_credited += bool(covered)
                wrong_falsely_credited += bool(set(covered) - expected_set)
                wrong_labelled += bool(expected_set)
            for point in result.points:
                expected = point.index in expected_set
                overall.add(expected=expected, predicted=point.covered)
                kinds.setdefault(kind, Confusion()).add(expected=expected, predicted=point.covered)
                if expected != point.covered:
                    misses.append(
                        Miss(entry["slug"], kind, answer["text"], point.text, expected, point.status)
                    )
    return Scores(
        overall=overall,
        by_kind=dict(sorted(kinds.items())),
        questions=len(entries),
        verdicts=tuple(verdicts),
        wrong_answers=wrong_answers,
        wrong_credited=wrong_credited,
        wrong_falsely_credited=wrong_falsely_credited,
        wrong_labelled=wrong_labelled,
        misses=tuple(misses),
        rubric_points=rubric_points,
    )


def second_labeller(
    entries: list[dict[str, Any]], second: list[dict[str, Any]], verdicts: tuple[tuple[int, ...], ...]
) -> tuple[Confusion, Confusion, dict[str, Confusion]]:
    """How far a second person, labelling the same answers blind, agrees with the file's labels (overall
    and per kind), and the matcher with that person: the ceiling the matcher's figures are read against."""
    if [str(e["slug"]) for e in entries] != [str(s["slug"]) for s in second]:
        raise SystemExit("the second labels must list the judgments file's questions in the same order")
    people, matcher = Confusion(), Confusion()
    kinds: dict[str, Confusion] = {}
    answers = iter(verdicts)
    for entry, other in zip(entries, second, strict=True):
        if len(other["labels"]) != len(entry["answers"]):
            raise SystemExit(f"{entry['slug']}: the second labels must label every answer")
        for answer, label in zip(entry["answers"], other["labels"], strict=True):
            covered = next(answers)
            for index in range(len(entry["key_points"])):
                first = index in (answer.get("covers") or [])
                theirs = index in (label.get("covers") or [])
                people.add(expected=first, predicted=theirs)
                kinds.setdefault(str(answer["kind"]), Confusion()).add(expected=first, predicted=theirs)
                matcher.add(expected=theirs, predicted=index in covered)
    return people, matcher, dict(sorted(kinds.items()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS, help="judgments YAML file to run")
    parser.add_argument("--json", action="store_true", help="print the verdicts and figures as JSON")
    parser.add_argument("--no-rubric", action="store_true", help="ignore the bank's rubric data (text only)")
    parser.add_argument(
        "--content",
        type=Path,
        default=CONTENT,
        help="question files to take rubric data from (default: the bank)",
    )
    parser.add_argument(
        "--second-labels",
        type=Path,
        help="a second person's labels of the same answers (slug, labels: [covers]): report the agreement",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list every judgment the matcher gets wrong"
    )
    args = parser.parse_args(argv)
    scores = evaluate(load(args.judgments), use_rubrics=not args.no_rubric, content=args.content)
    if args.json:
        json.dump(scores.to_dict(), sys.stdout, indent=1)
        print()
        return
    o = scores.overall
    print(f"{o.total} judgments over {scores.questions} questions ({scores.rubric_points} with rubric data)")
    print(
        f"accuracy {o.accuracy:.3f}  precision {o.precision:.3f}  recall {o.recall:.3f}  kappa {o.kappa:.3f}"
    )
    print(f"confusion tp={o.tp} fp={o.fp} tn={o.tn} fn={o.fn}")
    print(
        f"wrong/swapped answers credited: {scores.wrong_credited} of {scores.wrong_answers}"
        f" ({scores.wrong_labelled} are labelled as stating some point correctly);"
        f" given a tick the labels do not give: {scores.wrong_falsely_credited}"
    )
    for kind, c in scores.by_kind.items():
        print(
            f"  {kind:<12} n={c.total:<4} acc {c.accuracy:.3f}  P {c.precision:.3f}  R {c.recall:.3f}  κ {c.kappa:.3f}"
        )
    if args.second_labels:
        second = yaml.safe_load(args.second_labels.read_text(encoding="utf-8"))
        people, matcher, kinds = second_labeller(load(args.judgments), second, scores.verdicts)
        print(
            f"second labeller against the file's labels: accuracy {people.accuracy:.3f}  kappa {people.kappa:.3f}"
        )
        for kind, c in kinds.items():
            if c.tp + c.fp + c.fn:
                print(f"  {kind:<12} n={c.total:<4} acc {c.accuracy:.3f}  κ {c.kappa:.3f}")
        print(
            f"matcher against the second labeller: accuracy {matcher.accuracy:.3f}  kappa {matcher.kappa:.3f}"
        )
    if args.verbose:
        for miss in scores.misses:
            label = "missed" if miss.expected else "false"
            print(
                f"\n[{label}/{miss.status}] {miss.slug} ({miss.kind})\n  point:  {miss.key_point}\n  answer: {miss.answer}"
            )


if __name__ == "__main__":
    main()

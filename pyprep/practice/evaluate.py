"""Measure the key-point matcher on the hand-written judgments: `uv run python -m pyprep.practice.evaluate`."""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pyprep.practice.feedback import match

JUDGMENTS = Path(__file__).resolve().parents[2] / "tests" / "feedback_eval" / "judgments.yaml"


@dataclass(frozen=True)
class Miss:
    slug: str
    kind: str
    answer: str
    key_point: str
    expected: bool


@dataclass(frozen=True)
class Scores:
    judgments: int
    questions: int
    true_pos: int
    false_pos: int
    true_neg: int
    false_neg: int
    by_kind: dict[str, tuple[int, int]]  # kind → (right, total)
    misses: tuple[Miss, ...]

    @property
    def accuracy(self) -> float:
        return (self.true_pos + self.true_neg) / self.judgments if self.judgments else 0.0

    @property
    def precision(self) -> float:
        predicted = self.true_pos + self.false_pos
        return self.true_pos / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        actual = self.true_pos + self.false_neg
        return self.true_pos / actual if actual else 0.0


def load(path: Path = JUDGMENTS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        data: list[dict[str, Any]] = yaml.safe_load(handle)
    return data


def evaluate(entries: list[dict[str, Any]]) -> Scores:
    """Run the matcher on every (answer, key point) pair and compare with the hand judgment."""
    counts: Counter[str] = Counter()
    kinds: dict[str, list[int]] = {}
    misses: list[Miss] = []
    for entry in entries:
        for answer in entry["answers"]:
            verdict = match(answer=answer["text"], key_points=entry["key_points"], question=entry["question"])
            expected_set = set(answer["covers"])
            for point in verdict.points:
                expected = point.index in expected_set
                counts[("t" if expected == point.covered else "f") + ("p" if point.covered else "n")] += 1
                right_total = kinds.setdefault(answer["kind"], [0, 0])
                right_total[0] += expected == point.covered
                right_total[1] += 1
                if expected != point.covered:
                    misses.append(Miss(entry["slug"], answer["kind"], answer["text"], point.text, expected))
    return Scores(
        judgments=sum(counts.values()),
        questions=len(entries),
        true_pos=counts["tp"],
        false_pos=counts["fp"],
        true_neg=counts["tn"],
        false_neg=counts["fn"],
        by_kind={kind: (right, total) for kind, (right, total) in sorted(kinds.items())},
        misses=tuple(misses),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list every judgment the matcher gets wrong"
    )
    args = parser.parse_args(argv)
    scores = evaluate(load())
    print(f"{scores.judgments} judgments over {scores.questions} questions")
    print(f"accuracy  {scores.accuracy:.1%}")
    print(f"precision {scores.precision:.1%}  (of key points marked covered, how many really are)")
    print(f"recall    {scores.recall:.1%}  (of key points really covered, how many are marked)")
    print(f"confusion tp={scores.true_pos} fp={scores.false_pos} tn={scores.true_neg} fn={scores.false_neg}")
    for kind, (right, total) in scores.by_kind.items():
        print(f"  {kind:<9} {right}/{total} right")
    if args.verbose:
        for miss in scores.misses:
            label = "missed" if miss.expected else "false"
            print(
                f"\n[{label}] {miss.slug} ({miss.kind})\n  point:  {miss.key_point}\n  answer: {miss.answer}"
            )


if __name__ == "__main__":
    main()

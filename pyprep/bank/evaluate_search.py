"""Measure search on a file of labelled queries: top-1 and top-3 over the real bank, loaded into a fresh database.

    python -m pyprep.bank.evaluate_search --queries FILE [--json] [--misses]
    python -m pyprep.bank.evaluate_search --queries tests/search_eval      (the old 372 phrasings)

FILE is a YAML list of {q, answers: [slugs]} (an empty list: no bank question answers it) or {q, slug}. A query
counts as found when any of its answers is in the top 1 / top 3. Unanswerable queries are left out of both
figures and counted on their own. The database is a throw-away test database (SQLite unless DATABASE_URL says
otherwise), so the figure does not depend on what a developer's database holds.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Evaluation:
    queries: int = 0
    answerable: int = 0
    unanswerable: int = 0
    top1: int = 0
    top3: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def top1_rate(self) -> float:
        return self.top1 / self.answerable if self.answerable else 0.0

    @property
    def top3_rate(self) -> float:
        return self.top3 / self.answerable if self.answerable else 0.0


def read_queries(path: Path) -> list[dict[str, Any]]:
    """Labelled queries from a YAML file, or from every *.yaml file of a directory (tests/search_eval)."""
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    entries = [entry for file in files for entry in yaml.safe_load(file.read_text(encoding="utf-8")) or []]
    queries: list[dict[str, Any]] = []
    for entry in entries:
        answers = entry.get("answers")
        if answers is None:
            answers = [entry["slug"]] if entry.get("slug") else []
        queries.append({"id": entry.get("id", ""), "q": str(entry["q"]), "answers": list(answers)})
    return queries


def evaluate(queries: list[dict[str, Any]], *, top: Any) -> Evaluation:
    """Score queries with `top(q) -> [slugs best first]`."""
    result = Evaluation(queries=len(queries))
    for entry in queries:
        answers = set(entry["answers"])
        if not answers:
            result.unanswerable += 1
            continue
        result.answerable += 1
        found = top(entry["q"])[:3]
        result.top1 += bool(found[:1] and found[0] in answers)
        result.top3 += bool(answers & set(found))
        if not answers & set(found[:1]):
            result.misses.append({**entry, "got": found, "in_top3": bool(answers & set(found))})
    return result


def load_real_bank() -> None:
    """Load content/ (questions, and what other apps registered, such as challenges) through the real loader."""
    from pyprep.bank.services import content_load

    result = content_load(root=ROOT / "content")
    if result.errors:
        raise SystemExit("\n".join(str(error) for error in result.errors))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--queries", type=Path, required=True, help="YAML list of labelled queries, or a directory of them"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object with the figures")
    parser.add_argument("--misses", action="store_true", help="list queries whose answer is not first")
    args = parser.parse_args(argv)
    queries = read_queries(args.queries)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from pyprep.bank.filters import QuestionFilter
    from pyprep.bank.selectors import questions_filtered

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        load_real_bank()

        def top(q: str) -> list[str]:
            return list(questions_filtered(qfilter=QuestionFilter(q=q)).values_list("slug", flat=True)[:3])

        result = evaluate(queries, top=top)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    figures = {
        "engine": connection.vendor,
        "queries": result.queries,
        "answerable": result.answerable,
        "unanswerable": result.unanswerable,
        "top1": round(result.top1_rate, 4),
        "top3": round(result.top3_rate, 4),
    }
    if args.misses:
        for miss in result.misses:
            mark = "top3" if miss["in_top3"] else "MISS"
            print(f"{mark} {miss['id']} {miss['q']!r} want {miss['answers']} got {miss['got']}")
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"{args.queries}: {result.answerable} answerable queries ({result.unanswerable} with no answer in the "
            f"bank, left out) on {connection.vendor}\n"
            f"top-1 {result.top1}/{result.answerable} = {result.top1_rate:.1%}\n"
            f"top-3 {result.top3}/{result.answerable} = {result.top3_rate:.1%}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

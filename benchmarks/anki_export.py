"""How long building an Anki package takes for a bank-sized deck (the "Download Anki deck" button's cost).

    uv run python benchmarks/anki_export.py --notes 224 --runs 5

Synthetic cards shaped like the bank's (three key points, two examples each), through the same pure builder
the command and the download view use (pyprep.exports.anki): Pygments with inline styles, genanki, zip.
Reported: median and max milliseconds per package, and the package size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pyprep.exports.anki import AnkiCard, AnkiExample, package_bytes  # noqa: E402

CODE = "def append_to(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n\nprint(append_to(1), append_to(2))\n"


def cards(count: int) -> list[AnkiCard]:
    return [
        AnkiCard(
            slug=f"question-{i}",
            title=f"Why does question {i} matter in an interview?",
            level="mid",
            level_label="Mid",
            topics=(("core", "Core language"),),
            summary_html="<p>A short summary a candidate could say aloud.</p>",
            key_points_html=("The first point.", "The second point.", "The third point."),
            examples=(AnkiExample("Shared default", CODE, "[1, 2] [1, 2]\n"),) * 2,
            url=f"http://127.0.0.1:8000/questions/question-{i}/",
        )
        for i in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=224)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    deck = cards(args.notes)
    times, size = [], 0
    for _ in range(args.runs):
        start = time.perf_counter()
        size = len(package_bytes(deck))
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"{args.notes} notes: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms "
        f"over {args.runs} runs; package {size / 1024:.0f} KiB"
    )


if __name__ == "__main__":
    main()

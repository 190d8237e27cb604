"""Answer-feedback latency: the matcher on a 300-word answer, with rubric data, offline.

    uv run python benchmarks/feedback_bench.py [--runs 300] [--words 300]

Times `pyprep.practice.feedback.match` on answers of about `--words` words (prose, inline code and a fenced
block) against a bank question with rubric data, the way the practice page calls it on reveal. The answer
differs on every run (so no cache is hit for it); the first call, which loads the WordLlama weights from the
installed wheel, is reported separately. Reported: cold start, then p50/p95/max wall and process CPU time in
milliseconds (on a busy shared machine wall time includes waiting for a core). Run it with
HF_HUB_OFFLINE=1 and no network to confirm nothing is fetched.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pyprep.bank.content import parse_question  # noqa: E402
from pyprep.practice.feedback import match  # noqa: E402

QUESTION = Path(__file__).resolve().parent.parent / "content/questions/internals/gil-explained.md"
SENTENCES = [
    "The GIL is a mutex in CPython that lets only one thread execute Python bytecode at a time.",
    "It mainly exists so that reference counts and other interpreter internals stay consistent cheaply.",
    "CPU-bound threads therefore get no speed-up, while I/O-bound threads do, since blocking I/O releases it.",
    "It does not make your own code thread-safe: `counter += 1` is several bytecodes and can still race.",
    "For CPU-bound parallelism use multiprocessing, a native extension that drops the GIL, or the 3.13t build.",
    "In one service we moved image resizing into a `ProcessPoolExecutor` and it scaled with the cores.",
    "People sometimes think threads run in parallel on all cores, which is not true for Python code.",
    "Async code does not help with CPU work either, because the event loop runs in a single thread.",
]
CODE = """```python
from concurrent.futures import ProcessPoolExecutor

def crunch(n):
    return sum(i * i for i in range(n))

with ProcessPoolExecutor() as pool:
    print(list(pool.map(crunch, [10**6] * 4)))
```"""


def answer_of(words: int, rng: random.Random) -> str:
    parts: list[str] = []
    count = 0
    while count < words - 40:
        sentence = rng.choice(SENTENCES)
        parts.append(sentence)
        count += len(sentence.split())
    parts.insert(len(parts) // 2, CODE)
    return " ".join(parts) + f" (draft {rng.randrange(10**6)})"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--words", type=int, default=300)
    args = parser.parse_args()
    spec, errors = parse_question(QUESTION.read_text(encoding="utf-8"), str(QUESTION))
    if spec is None or spec.rubric is None:
        raise SystemExit(f"{QUESTION} has no rubric data: {errors}")
    rng = random.Random(11)
    answers = [answer_of(args.words, rng) for _ in range(args.runs + 1)]
    started = time.perf_counter()
    match(answer=answers[0], key_points=spec.key_points, question=spec.title, rubric=spec.rubric)
    cold = (time.perf_counter() - started) * 1000
    timings, cpu = [], []
    for answer in answers[1:]:
        started, started_cpu = time.perf_counter(), time.process_time()
        match(answer=answer, key_points=spec.key_points, question=spec.title, rubric=spec.rubric)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    timings.sort()
    cpu.sort()
    words = statistics.mean(len(a.split()) for a in answers)
    p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
    cpu95 = cpu[min(len(cpu) - 1, int(0.95 * len(cpu)))]
    print(
        f"feedback.match: {args.runs} answers of ~{words:.0f} words, {len(spec.key_points)} key points with rubric"
    )
    print(f"cold start (loads the embeddings) {cold:.0f} ms")
    print(f"wall: p50 {statistics.median(timings):.1f} ms  p95 {p95:.1f} ms  max {timings[-1]:.1f} ms")
    # On a shared machine wall time includes waiting for a core; CPU time is what the matcher itself costs.
    print(f"cpu:  p50 {statistics.median(cpu):.1f} ms  p95 {cpu95:.1f} ms  max {cpu[-1]:.1f} ms")


if __name__ == "__main__":
    main()

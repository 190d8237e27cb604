import re
from collections import Counter


def top_words(text: str, n: int) -> list[tuple[str, int]]:
    if n <= 0:
        return []
    # Maximal runs of ASCII letters and apostrophes, kept when they hold a letter. A single pattern that
    # demands the letter, [A-Za-z']*[A-Za-z][A-Za-z']*, backtracks quadratically on a long run of apostrophes.
    runs = re.findall(r"[A-Za-z']+", text)
    counts = Counter(run.lower() for run in runs if run.strip("'"))
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:n]

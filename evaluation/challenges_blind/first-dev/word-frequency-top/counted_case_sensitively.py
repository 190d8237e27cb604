import re
from collections import Counter


def top_words(text: str, n: int) -> list[tuple[str, int]]:
    if n <= 0:
        return []
    words = re.findall(r"[A-Za-z']+", text)
    counts = Counter(words)
    return sorted(((w.lower(), c) for w, c in counts.items()), key=lambda kv: (-kv[1], kv[0]))[:n]

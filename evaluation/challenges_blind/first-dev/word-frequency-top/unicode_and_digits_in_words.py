import re
from collections import Counter


def top_words(text: str, n: int) -> list[tuple[str, int]]:
    if n <= 0:
        return []
    words = re.findall(r"[\w']+", text.lower())
    counts = Counter(words)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

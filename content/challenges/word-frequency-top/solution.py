import re
from collections import Counter


def top_words(text: str, n: int) -> list[tuple[str, int]]:
    if n <= 0:
        return []
    counts = Counter(word.lower() for word in re.findall(r"[A-Za-z']*[A-Za-z][A-Za-z']*", text))
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:n]

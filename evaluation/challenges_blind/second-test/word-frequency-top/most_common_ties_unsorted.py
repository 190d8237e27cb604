import re
from collections import Counter

_WORD = re.compile(r"[A-Za-z']*[A-Za-z][A-Za-z']*")


def top_words(text: str, n: int) -> list[tuple[str, int]]:
    if n <= 0:
        return []
    counts = Counter(word.lower() for word in _WORD.findall(text))
    return counts.most_common(n)

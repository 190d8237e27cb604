import heapq
from collections import Counter


def top_k(values: list[int], k: int) -> list[int]:
    if k <= 0:
        return []
    counts = Counter(values)
    best = heapq.nlargest(k, counts.items(), key=lambda item: (item[1], item[0]))
    return [value for value, _ in best]

import heapq
from collections import Counter


def top_k(values: list[int], k: int) -> list[int]:
    if k <= 0:
        return []
    counts = Counter(values)
    return [v for v, _ in heapq.nlargest(k, counts.items(), key=lambda kv: (kv[1], kv[0]))]

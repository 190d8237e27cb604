import heapq
from collections import Counter


def top_k(values: list[int], k: int) -> list[int]:
    counts = Counter(values)
    ordered = sorted(counts, key=lambda v: (-counts[v], v))
    return ordered[:k]

import heapq
from collections import Counter


def top_k(values: list[int], k: int) -> list[int]:
    counts = Counter(values)
    ordered = sorted(counts, key=lambda value: (-counts[value], value))
    return ordered[:k]

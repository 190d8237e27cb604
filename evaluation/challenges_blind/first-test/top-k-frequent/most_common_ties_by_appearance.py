import heapq
from collections import Counter


def top_k(values: list[int], k: int) -> list[int]:
    if k <= 0:
        return []
    return [value for value, _ in Counter(values).most_common(k)]

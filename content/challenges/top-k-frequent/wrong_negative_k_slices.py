from collections import Counter


def top_k(values, k):
    counts = Counter(values)
    return sorted(counts, key=lambda v: (-counts[v], v))[:k]

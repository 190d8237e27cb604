from __future__ import annotations

import heapq
from collections.abc import Hashable, Mapping
from itertools import count

def _check_weights(graph: Mapping[Hashable, Mapping[Hashable, float]]) -> None:
    for node, edges in graph.items():
        for neighbour, weight in edges.items():
            if weight < 0:
                raise ValueError(f"negative weight on edge {node!r} -> {neighbour!r}")


def _search(graph: Mapping[Hashable, Mapping[Hashable, float]], source: Hashable) -> tuple[dict, dict]:
    """Best (cost, edges) to every reachable node, and the predecessor on that best path."""
    _check_weights(graph)
    best: dict = {source: (0, 0)}
    previous: dict = {}
    tie = count()  # heap entries never compare two nodes: they may not be comparable at all
    heap = [(0, 0, next(tie), source)]
    while heap:
        cost, edges, _, node = heapq.heappop(heap)
        for neighbour, weight in graph.get(node, {}).items():
            candidate = (cost + weight, edges + 1)
            if neighbour not in best:  # first discovery taken as final, like BFS
                best[neighbour] = candidate
                previous[neighbour] = node
                heapq.heappush(heap, (*candidate, next(tie), neighbour))
    return best, previous


def shortest_distances(graph: Mapping[Hashable, Mapping[Hashable, float]], source: Hashable) -> dict:
    best, _ = _search(graph, source)
    return {node: cost for node, (cost, _) in best.items()}


def shortest_path(graph: Mapping[Hashable, Mapping[Hashable, float]], source: Hashable, target: Hashable) -> tuple[float, list] | None:
    best, previous = _search(graph, source)
    if target not in best:
        return None
    path = [target]
    while path[-1] != source:
        path.append(previous[path[-1]])
    path.reverse()
    return best[target][0], path

from __future__ import annotations

import heapq
from collections.abc import Hashable, Mapping

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
    done: set = set()
    heap = [(0, 0, source)]  # on a tie in cost and edges, heapq compares the nodes themselves
    while heap:
        cost, edges, node = heapq.heappop(heap)
        if node in done:
            continue  # a stale entry: this node was finished through a better one
        done.add(node)
        for neighbour, weight in graph.get(node, {}).items():
            candidate = (cost + weight, edges + 1)
            if neighbour not in best or candidate < best[neighbour]:
                best[neighbour] = candidate
                previous[neighbour] = node
                heapq.heappush(heap, (*candidate, neighbour))
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

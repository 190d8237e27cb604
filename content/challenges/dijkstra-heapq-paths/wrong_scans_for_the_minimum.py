from __future__ import annotations

from collections.abc import Hashable, Mapping

def _check_weights(graph: Mapping[Hashable, Mapping[Hashable, float]]) -> None:
    for node, edges in graph.items():
        for neighbour, weight in edges.items():
            if weight < 0:
                raise ValueError(f"negative weight on edge {node!r} -> {neighbour!r}")


def _search(graph, source):
    _check_weights(graph)
    best = {source: (0, 0)}
    previous = {}
    open_nodes = {source}
    done = set()
    while open_nodes:
        node = min(open_nodes, key=lambda n: best[n])  # a scan of every open node instead of a heap
        open_nodes.remove(node)
        done.add(node)
        cost, edges = best[node]
        for neighbour, weight in graph.get(node, {}).items():
            if neighbour in done:
                continue
            candidate = (cost + weight, edges + 1)
            if neighbour not in best or candidate < best[neighbour]:
                best[neighbour] = candidate
                previous[neighbour] = node
                open_nodes.add(neighbour)
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

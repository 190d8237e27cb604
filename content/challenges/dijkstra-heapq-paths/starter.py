from __future__ import annotations

import heapq
from collections.abc import Hashable, Mapping


def shortest_distances(graph: Mapping[Hashable, Mapping[Hashable, float]], source: Hashable) -> dict:
    """Cost of the cheapest path from source to every node it can reach (source included, at 0)."""
    raise NotImplementedError


def shortest_path(
    graph: Mapping[Hashable, Mapping[Hashable, float]], source: Hashable, target: Hashable
) -> tuple[float, list] | None:
    """(cost, [source, ..., target]) of a cheapest path, fewest edges among equals; None if unreachable."""
    raise NotImplementedError

import heapq


def topo_order(graph: dict) -> list:
    """graph maps a node to the nodes it depends on; dependencies come first, smallest ready node first."""
    waiting_on: dict = {}
    dependents: dict = {}
    for node, needs in graph.items():
        waiting_on.setdefault(node, set())
        for dependency in needs:
            waiting_on.setdefault(dependency, set())
            if dependency not in waiting_on[node]:
                waiting_on[node].add(dependency)
                dependents.setdefault(dependency, []).append(node)
    ready = [node for node, needs in waiting_on.items() if not needs]
    heapq.heapify(ready)
    order = []
    while ready:
        node = heapq.heappop(ready)
        order.append(node)
        for dependent in dependents.get(node, []):
            waiting_on[dependent].discard(node)
            if not waiting_on[dependent]:
                heapq.heappush(ready, dependent)
    return order

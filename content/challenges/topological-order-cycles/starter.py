import heapq


def topo_order(graph: dict) -> list:
    raise NotImplementedError

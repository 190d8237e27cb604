def topo_order(graph):
    nodes = set(graph)
    for needs in graph.values():
        nodes.update(needs)
    needs_of = {node: set(graph.get(node, [])) for node in nodes}
    done = []
    placed = set()
    while len(done) < len(nodes):
        ready = sorted(node for node in nodes if node not in placed and needs_of[node] <= placed)
        if not ready:
            stuck = sorted(node for node in nodes if node not in placed)
            raise ValueError(f"cycle: cannot order {stuck}")
        done.append(ready[0])
        placed.add(ready[0])
    return done

from solution import shortest_distances, shortest_path


def _judge(graph, source, target):
    """Observe a returned path without fixing which of several equally good paths it is."""
    found = shortest_path(graph, source, target)
    if found is None:
        return None
    cost, path = found
    edges_exist = all(b in graph.get(a, {}) for a, b in zip(path, path[1:]))
    total = sum(graph[a][b] for a, b in zip(path, path[1:])) if edges_exist else None
    return [cost, len(path) - 1, path[0] == source, path[-1] == target, edges_exist, total == cost, type(path).__name__]


ROADS = {
    "A": {"B": 4, "C": 1},
    "C": {"B": 2, "D": 7},
    "B": {"D": 1},
    "D": {},
}


def test_distances_from_a_source():
    return shortest_distances(ROADS, "A")


def test_the_cheapest_path_is_not_the_fewest_edges():
    return [shortest_path(ROADS, "A", "D"), shortest_path(ROADS, "C", "D"), shortest_path(ROADS, "A", "C")]


def test_unreachable_nodes_are_left_out():
    graph = {"a": {"b": 1}, "b": {}, "c": {"a": 1}, "island": {}}
    return [shortest_distances(graph, "a"), shortest_path(graph, "a", "c"), shortest_path(graph, "a", "island"), shortest_path(graph, "a", "nowhere")]


def test_a_node_that_only_appears_as_a_neighbour():
    graph = {"s": {"leaf": 2, "m": 1}, "m": {"leaf": 5}}
    return [shortest_distances(graph, "s"), shortest_path(graph, "s", "leaf"), shortest_distances(graph, "leaf"), shortest_path(graph, "leaf", "s")]


def test_source_is_the_target():
    return [shortest_path(ROADS, "B", "B"), shortest_path({}, "x", "x"), shortest_distances({}, "x")]


def test_edges_are_directed():
    graph = {"a": {"b": 1}, "b": {}}
    return [shortest_path(graph, "a", "b"), shortest_path(graph, "b", "a")]


def test_a_later_cheaper_route_replaces_an_earlier_discovery():
    graph = {"s": {"t": 10, "a": 1}, "a": {"b": 1}, "b": {"c": 1}, "c": {"t": 1}}
    return [shortest_path(graph, "s", "t"), shortest_distances(graph, "s")]


def test_equal_cost_paths_prefer_fewer_edges():
    graph = {"A": {"X1": 0, "Y": 1}, "X1": {"X2": 0}, "X2": {"T": 3}, "Y": {"T": 2}}
    return [shortest_path(graph, "A", "T"), _judge(graph, "A", "T")]


def test_equal_cost_and_equal_edges_accept_either_path():
    graph = {"s": {"l": 1, "r": 1}, "l": {"t": 1}, "r": {"t": 1}}
    return [_judge(graph, "s", "t"), shortest_distances(graph, "s")]


def test_zero_weight_edges_and_cycles():
    graph = {"a": {"b": 0}, "b": {"a": 0, "c": 0}, "c": {"a": 5, "d": 2}, "d": {"c": 0}}
    return [shortest_distances(graph, "a"), shortest_path(graph, "a", "d"), shortest_path(graph, "d", "b")]


class _Place:
    """A node type with no ordering: two of them cannot be compared with <."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


def test_nodes_need_not_be_comparable():
    home, shop, park, work = (_Place(n) for n in ("home", "shop", "park", "work"))
    graph = {home: {shop: 2, park: 2}, shop: {work: 3}, park: {work: 3}}
    found = shortest_path(graph, home, work)
    return [found[0], len(found[1]), sorted(repr(n) for n in shortest_distances(graph, home))]


def test_mixed_node_types():
    graph = {"start": {("grid", 1): 1, 7: 1}, ("grid", 1): {None: 1}, 7: {None: 1, "end": 5}, None: {"end": 1}}
    return [_judge(graph, "start", "end"), shortest_path(graph, "start", None)[0], len(shortest_distances(graph, "start"))]


def test_float_weights():
    graph = {"a": {"b": 0.5, "c": 2.25}, "b": {"c": 0.75}}
    return [shortest_distances(graph, "a"), shortest_path(graph, "a", "c")]


def test_negative_weights_are_refused():
    graph = {"a": {"b": 1}, "b": {"c": -2}}
    outcomes = []
    for call in (lambda: shortest_distances(graph, "a"), lambda: shortest_path(graph, "a", "c"), lambda: shortest_path(graph, "c", "c")):
        try:
            call()
        except ValueError as exc:
            outcomes.append(str(exc))
    for weight in (-1, -0.5, -1e-9):
        try:
            shortest_distances({"x": {"y": 0, "z": weight}}, "x")
        except ValueError as exc:
            outcomes.append(str(exc))
    return outcomes


def test_the_graph_is_not_modified():
    graph = {"a": {"b": 1}, "b": {"c": 2}}
    shortest_distances(graph, "a")
    shortest_path(graph, "a", "zzz")
    return graph


def test_large_grid():
    size = 150
    graph = {}
    for r in range(size):
        for c in range(size):
            edges = {}
            if r + 1 < size:
                edges[(r + 1, c)] = (r * 7 + c * 3) % 10 + 1
            if c + 1 < size:
                edges[(r, c + 1)] = (r * 5 + c * 11) % 10 + 1
            if r and c:
                edges[(r - 1, c - 1)] = 1
            graph[(r, c)] = edges
    distances = shortest_distances(graph, (0, 0))
    return [len(distances), distances[(size - 1, size - 1)], _judge(graph, (0, 0), (size - 1, size - 1))]


def test_a_wide_frontier():
    """20,000 nodes discovered at once: finding the cheapest by scanning them all, step after step, is O(V²)."""
    graph = {"hub": {n: (n * 7919) % 10_007 for n in range(20_000)}}
    for n in range(20_000):
        graph[n] = {n + 1: 1} if n + 1 < 20_000 else {}
    distances = shortest_distances(graph, "hub")
    return [len(distances), distances[19_999], sum(distances[n] for n in range(0, 20_000, 97))]


def test_stale_heap_entries_are_skipped():
    """"target" improves 1,000 times (1,000 heap entries) and has 20,000 edges: re-expanding it for every stale
    entry costs 20 million relaxations."""
    graph = {"s": {("via", i): i for i in range(1_000)}}
    for i in range(1_000):
        graph[("via", i)] = {"target": 2_000 - 2 * i}
    graph["target"] = {("leaf", j): 1 for j in range(20_000)}
    distances = shortest_distances(graph, "s")
    found = shortest_path(graph, "s", ("leaf", 5))
    return [len(distances), distances["target"], found[0], found[1][1], len(found[1])]


def generate(rng, n):
    """Fresh small random digraphs with small (often equal, sometimes zero) weights and some unreachable nodes."""
    cases = []
    for _ in range(n):
        nodes = list(range(rng.randint(1, 8)))
        graph = {}
        for node in nodes:
            if rng.random() < 0.8:
                graph[node] = {m: rng.choice([0, 1, 1, 2, 3, 5]) for m in rng.sample(nodes, rng.randint(0, len(nodes)))}
        cases.append((graph, rng.choice(nodes), rng.choice(nodes)))
    return cases


def check(case):
    graph, source, target = case
    graph = {int(k): {int(m): w for m, w in v.items()} for k, v in dict(graph).items()}
    return [sorted(shortest_distances(graph, source).items()), _judge(graph, source, target)]

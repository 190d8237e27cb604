from solution import topo_order


def attempt(graph):
    try:
        return topo_order(graph)
    except ValueError as exc:
        return ["ValueError", str(exc)]


def test_dependencies_come_first():
    return topo_order({"app": ["lib", "config"], "lib": ["config"], "config": []})


def test_ties_go_to_the_smallest_ready_node():
    return [topo_order({"b": [], "a": [], "c": []}), topo_order({"z": ["a"], "b": ["a"], "a": []})]


def test_nodes_named_only_as_dependencies_are_included():
    return topo_order({"build": ["compile", "fetch"], "compile": ["fetch"]})


def test_a_cycle_is_reported_with_every_stuck_node():
    return [attempt({"a": ["b"], "b": ["a"]}), attempt({"a": ["b"], "b": ["c"], "c": ["b"], "d": []}), attempt({"self": ["self"]})]


def test_nodes_after_a_cycle_are_stuck_too():
    return attempt({"x": ["y"], "y": ["x"], "z": ["x"], "free": []})


def test_empty_graph_and_isolated_nodes():
    return [topo_order({}), topo_order({3: [], 1: [], 2: []})]


def test_duplicate_dependencies_count_once():
    return topo_order({"a": ["b", "b", "c"], "c": ["b"]})


def test_the_result_is_a_new_list():
    result = topo_order({1: [0]})
    return [type(result).__name__, result]


def test_a_long_chain_and_a_wide_fan():
    chain = {n: [n - 1] for n in range(1, 100_000)}
    order = topo_order(chain)
    fan = {"root": [f"leaf{n:05d}" for n in range(50_000)]}
    fan_order = topo_order(fan)
    return [order[:3], order[-1], len(order), fan_order[0], fan_order[-1], len(fan_order)]


def generate(rng, n):
    """Fresh small graphs over integer nodes, mostly acyclic, some with a back edge."""
    cases = []
    for _ in range(n):
        size = rng.randint(0, 9)
        graph = {}
        for node in range(size):
            if rng.random() < 0.8:
                graph[node] = [rng.randrange(node) for _ in range(rng.randint(0, min(node, 3)))] if node else []
        if size > 1 and rng.random() < 0.3:
            low, high = sorted(rng.sample(range(size), 2))
            graph.setdefault(low, []).append(high)
        cases.append([[node, needs] for node, needs in graph.items()])
    return cases


def check(case):
    return attempt({node: list(needs) for node, needs in case})

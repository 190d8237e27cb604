from solution import deep_copy


def test_copy_is_independent():
    original = {"a": [1, 2, {"b": [3]}], "c": (4, [5])}
    copy = deep_copy(original)
    copy["a"][2]["b"].append(99)
    copy["c"][1].append(99)
    return [original, copy, copy == original]


def test_shared_child_stays_shared():
    child = [1]
    original = [child, child, {"again": child}]
    copy = deep_copy(original)
    copy[0].append(2)
    return [copy, copy[0] is copy[1], copy[2]["again"] is copy[0], copy[0] is child]


def test_list_containing_itself():
    loop = [1]
    loop.append(loop)
    copy = deep_copy(loop)
    return [copy is not loop, copy[1] is copy, copy[0]]


def test_mutual_references():
    left, right = {"name": "left"}, {"name": "right"}
    left["other"], right["other"] = right, left
    copy = deep_copy(left)
    return [copy["other"]["other"] is copy, copy["other"]["name"], copy is not left]


def test_cycle_through_a_tuple():
    holder = []
    pair = (1, holder)
    holder.append(pair)
    copy = deep_copy(pair)
    return [copy[1][0] is copy, copy[1] is not holder]


def test_leaves_are_returned_as_is():
    text, number = "text", 10**20
    copy = deep_copy([text, number, None, True, frozenset({1})])
    return [copy[0] is text, copy[1] is number, copy[2:4], copy[4] == frozenset({1})]


def test_sets_and_immutable_tuples():
    inner = (1, 2, "x")
    original = {"s": {1, 2, 3}, "t": inner}
    copy = deep_copy(original)
    return [copy["s"] is not original["s"], sorted(copy["s"]), copy["t"] is inner]


def test_a_set_shared_twice_is_copied_once():
    shared = {1, 2}
    copied = deep_copy([shared, {"again": shared}])
    return [copied[0] is copied[1]["again"], copied[0] is shared, sorted(copied[0])]


def generate(rng, n):
    """Fresh recipes for structures of lists, dicts and tuples with shared parts and cycles."""
    return [[(rng.choice(["list", "dict", "tuple", "leaf", "share", "cycle"]), rng.randint(0, 99)) for _ in range(rng.randint(1, 14))] for _ in range(n)]


def _build(recipe):
    root = []
    containers = [root]
    for kind, number in recipe:
        parent = containers[number % len(containers)]
        if kind == "list":
            child = [number]
            containers.append(child)
        elif kind == "dict":
            child = {"n": number}
            containers.append(child)
        elif kind == "tuple":
            child = (number, [number])
            containers.append(child[1])
        elif kind == "share":
            child = containers[(number * 7) % len(containers)]
        elif kind == "cycle":
            child = parent
        else:
            child = number
        if isinstance(parent, list):
            parent.append(child)
        else:
            parent[f"k{len(parent)}"] = child
    return root


def _shape(value, seen):
    """The structure with every mutable object named by the order it was first met: sharing becomes visible."""
    if isinstance(value, (list, dict)):
        if id(value) in seen:
            return ["ref", seen[id(value)]]
        seen[id(value)] = len(seen)
        items = value if isinstance(value, list) else [value[key] for key in sorted(value)]
        return [type(value).__name__, sorted(value) if isinstance(value, dict) else None, [_shape(item, seen) for item in items]]
    if isinstance(value, tuple):
        return ["tuple", [_shape(item, seen) for item in value]]
    return value


def check(case):
    original = _build(case)
    before = _shape(original, {})
    copy = deep_copy(original)
    after = _shape(copy, {})
    copy.append("changed")
    return [before == after, _shape(original, {}) == before, copy is not original, after]

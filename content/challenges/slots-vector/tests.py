from solution import Vector, Vector3


def _try(action):
    try:
        return ["ok", action()]
    except Exception as exc:
        return [type(exc).__name__]


def test_arithmetic():
    a, b = Vector(1, 2), Vector(3, 5)
    return [repr(a + b), repr(b - a), repr(a * 3), repr(2 * a)]


def test_no_instance_dict():
    v = Vector(1, 2)
    return [hasattr(v, "__dict__"), _try(lambda: setattr(v, "z", 3))]


def test_length_and_truth():
    return [abs(Vector(3, 4)), bool(Vector(0, 0)), bool(Vector(0, 0.5))]


def test_equality_and_hashing():
    a, b = Vector(1, 2), Vector(1, 2)
    return [a == b, a == (1, 2), _try(lambda: len({a, b}))]


def test_adding_other_types_is_a_type_error():
    return [_try(lambda: Vector(1, 1) + (1, 1)), _try(lambda: Vector(1, 1) * "x")]


def test_subclass_stays_slotted():
    v = Vector3(1, 2, 3)
    return [repr(v), hasattr(v, "__dict__"), repr(v + Vector3(1, 1, 1)), abs(Vector3(2, 3, 6))]


def test_vectors_of_different_dimension_differ():
    return [Vector(1, 2) == Vector3(1, 2, 0), _try(lambda: repr(Vector(1, 2) + Vector3(1, 2, 3)))]


def test_vector_and_vector3_never_mix_in_either_order():
    flat, deep = Vector(1, 2), Vector3(1, 2, 0)
    return [
        deep == flat,
        flat != deep,
        _try(lambda: repr(deep + flat)),
        _try(lambda: repr(flat - deep)),
        _try(lambda: repr(deep - flat)),
        _try(lambda: len({flat, deep})),
        repr(deep * 2),
        repr(3 * deep),
    ]


def generate(rng, n):
    """Fresh 2-D and 3-D vectors and operations on them, some mixing the two or other types."""
    cases = []
    for _ in range(n):
        dims = [rng.choice([2, 2, 3]) for _ in range(2)]
        parts = [[rng.randint(-9, 9) for _ in range(dim)] for dim in dims]
        cases.append((parts, rng.randint(-4, 4)))
    return cases


def check(case):
    (left, right), factor = case
    a = Vector(*left) if len(left) == 2 else Vector3(*left)
    b = Vector(*right) if len(right) == 2 else Vector3(*right)
    return [
        _try(lambda: repr(a + b)),
        _try(lambda: repr(a - b)),
        repr(a * factor),
        repr(factor * b),
        abs(a),
        bool(a),
        a == b,
        _try(lambda: len({a, b, type(a)(*left)})),
        hasattr(a, "__dict__"),
    ]

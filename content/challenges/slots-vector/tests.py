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
    return [Vector(1, 2) == Vector3(1, 2, 0), _try(lambda: Vector(1, 2) + Vector3(1, 2, 3))]

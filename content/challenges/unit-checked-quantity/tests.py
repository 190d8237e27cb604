from solution import Quantity


def show(result):
    """A quantity as (repr, str, type); a bare number as (repr, type)."""
    if isinstance(result, Quantity):
        return [repr(result), str(result), type(result.value).__name__]
    return [repr(result), type(result).__name__]


def attempt(action):
    try:
        return show(action())
    except ValueError as exc:
        return ["ValueError", str(exc)]
    except (TypeError, AttributeError, ZeroDivisionError) as exc:
        return type(exc).__name__


def test_units_combine_under_multiplication_and_division():
    distance = Quantity(100, m=1)
    time = Quantity(8, s=1)
    speed = distance / time
    return [show(speed), show(speed * time), show(distance * distance), show(Quantity(3, s=1) * Quantity(2, s=-1))]


def test_adding_needs_the_same_units():
    a = Quantity(2, m=1)
    return [
        show(a + Quantity(3, m=1)),
        show(a - Quantity(0.5, m=1)),
        attempt(lambda: a + Quantity(3, s=1)),
        attempt(lambda: a - Quantity(1, m=1, s=-1)),
        attempt(lambda: Quantity(1) + a),
    ]


def test_numbers_scale_from_either_side():
    a = Quantity(6, m=2, kg=1)
    return [show(a * 2), show(2 * a), show(a / 4), show(12 / Quantity(4, s=1)), show(1.5 * Quantity(2))]


def test_numbers_cannot_be_added_to_quantities():
    a = Quantity(2, m=1)
    return [attempt(lambda: a + 1), attempt(lambda: 1 + a), attempt(lambda: a - 1), attempt(lambda: "x" * a), attempt(lambda: a / "2"), attempt(lambda: "2" / a), attempt(lambda: a * None)]


def test_units_are_normalised_and_zero_powers_dropped():
    q = Quantity(1, s=-1, m=1, kg=0)
    return [show(q), dict(q.units), show(Quantity(5)), Quantity(1, m=0) == Quantity(1)]


def test_powers():
    a = Quantity(3, m=1, s=-1)
    return [show(a**2), show(a**0), show(a**-1), show(Quantity(2, m=1) ** 1), attempt(lambda: a**0.5), attempt(lambda: a ** True)]


def test_equality_is_by_value_and_units():
    return [
        Quantity(1, m=1) == Quantity(1.0, m=1),
        Quantity(1, m=1) == Quantity(1, s=1),
        Quantity(1, m=1) != Quantity(2, m=1),
        Quantity(1, m=1) == 1,
        Quantity(1) == 1,
        Quantity(1, m=1) == "1 m",
    ]


def test_equal_quantities_hash_alike_and_work_in_sets():
    items = {Quantity(1, m=1), Quantity(1.0, m=1), Quantity(1, s=1), Quantity(2, m=1, s=-1), Quantity(2.0, s=-1, m=1)}
    lookup = {Quantity(3, kg=1): "three kilos"}
    return [len(items), lookup.get(Quantity(3.0, kg=1)), hash(Quantity(1, m=1)) == hash(Quantity(1.0, m=1))]


def test_ordering_needs_the_same_units():
    a, b = Quantity(1, m=1), Quantity(2, m=1)
    return [
        [a < b, a <= b, a > b, a >= b, b <= b, b < b],
        attempt(lambda: a < Quantity(1, s=1)),
        attempt(lambda: a >= Quantity(5, s=1)),
        attempt(lambda: a < 2),
        [repr(q) for q in sorted([Quantity(3, m=1), a, Quantity(-1, m=1)])],
    ]


def test_quantities_are_immutable():
    q = Quantity(1, m=1)
    outcomes = [attempt(lambda: setattr(q, "value", 5)), attempt(lambda: setattr(q, "other", 5))]
    try:
        q.units["m"] = 2
        outcomes.append("units changed")
    except TypeError:
        outcomes.append("units are read-only")
    return [outcomes, show(q)]


def test_attributes_cannot_be_deleted_either():
    q = Quantity(1, m=1)
    outcomes = [attempt(lambda: delattr(q, "value")), attempt(lambda: delattr(q, "units"))]
    return [outcomes, getattr(q, "value", "value deleted"), dict(getattr(q, "units", {"units deleted": 0}))]


def test_values_must_be_real_numbers():
    return [attempt(lambda: Quantity("3", m=1)), attempt(lambda: Quantity(True)), attempt(lambda: Quantity(None)), show(Quantity(-2.5, s=1))]


def test_negation_and_division_by_zero():
    a = Quantity(4, m=1)
    return [show(-a), attempt(lambda: a / 0), attempt(lambda: 1 / Quantity(0, s=1)), show(a / Quantity(-2, m=1))]


def test_incompatible_unit_messages_name_both_units():
    return [
        attempt(lambda: Quantity(1, m=1, s=-2) + Quantity(1, m=1)),
        attempt(lambda: Quantity(1) - Quantity(1, kg=1)),
        attempt(lambda: Quantity(1, m=2) < Quantity(1, m=3)),
    ]


def generate(rng, n):
    """Fresh pairs of quantities over a few units, an operation, and sometimes a plain number."""
    cases = []
    for _ in range(n):
        operands = []
        for _ in range(2):
            units = {name: rng.choice([0, 0, 1, 1, -1, 2]) for name in rng.sample(["m", "s", "kg"], rng.randint(0, 2))}
            operands.append([rng.choice([rng.randint(-9, 9), rng.randint(1, 40) / 4]), units])
        op = rng.choice(["+", "-", "*", "/", "==", "<", "**", "hash", "num*", "/num", "num/"])
        if rng.random() < 0.3:
            operands[1][1] = dict(operands[0][1])
        cases.append((operands, op, rng.randint(-3, 3)))
    return cases


def check(case):
    (v1, u1), (v2, u2), op, k = case[0][0], case[0][1], case[1], case[2]
    a, b = Quantity(v1, **u1), Quantity(v2, **u2)
    actions = {
        "+": lambda: a + b,
        "-": lambda: a - b,
        "*": lambda: a * b,
        "/": lambda: a / b,
        "==": lambda: [a == b, a != b],
        "<": lambda: [a < b, a >= b],
        "**": lambda: a**k,
        "hash": lambda: [a == b, hash(a) == hash(b) if a == b else None],
        "num*": lambda: k * a,
        "/num": lambda: a / k,
        "num/": lambda: k / a,
    }
    return attempt(actions[op])

import dataclasses
import datetime
import enum
from collections import Counter, OrderedDict, UserDict
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

from solution import Serializer


class Color(enum.Enum):
    RED = "red"
    DARK = ("dark", 2)


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 3


@dataclasses.dataclass
class Point:
    x: int
    y: float
    label: str = "p"


class Inventory:
    """A mapping that does not inherit from dict: registered with the Mapping ABC only virtually."""

    def __init__(self, **counts):
        self._counts = counts

    def __getitem__(self, key):
        return self._counts[key]

    def __iter__(self):
        return iter(self._counts)

    def __len__(self):
        return len(self._counts)

    def items(self):
        return self._counts.items()


Mapping.register(Inventory)


def _outcome(value, serializer=None):
    try:
        return ["ok", (serializer or Serializer()).dump(value)]
    except (TypeError, ValueError) as exc:
        return [type(exc).__name__, str(exc)]


def test_scalars():
    s = Serializer()
    return [s.dump(None), s.dump(True), s.dump(False), s.dump(42), s.dump(2.5), s.dump("text")]


def test_containers_are_serialized_recursively():
    s = Serializer()
    return s.dump({"items": [1, (2, 3)], "meta": {"ok": True, "ratio": 0.5}})


def test_bool_stays_a_bool_and_int_subclasses_become_plain_ints():
    s = Serializer()
    values = [s.dump(True), s.dump(Level.HIGH), s.dump(1)]
    return [values, [type(value).__name__ for value in values]]


def test_decimals_dates_and_enums():
    s = Serializer()
    return [
        s.dump(Decimal("10.50")),
        s.dump(datetime.date(2024, 2, 29)),
        s.dump(datetime.datetime(2024, 2, 29, 13, 5, 9)),
        s.dump(Color.RED),
        s.dump(Color.DARK),
        s.dump(Level.LOW),
    ]


def test_every_kind_of_mapping_is_accepted():
    s = Serializer()
    return [
        s.dump(OrderedDict(b=1, a=2)),
        s.dump(MappingProxyType({"x": [1]})),
        s.dump(Counter("aab")),
        s.dump(UserDict({"u": None})),
        s.dump(Inventory(apples=3, pears=Decimal("1.5"))),
    ]


def test_sets_become_sorted_lists():
    s = Serializer()
    return [s.dump({3, 1, 2}), s.dump(frozenset({"b", "a"})), s.dump(set()), s.dump({Level.HIGH, 2})]


def test_dataclass_instances_become_dicts():
    s = Serializer()
    data = s.dump({"where": Point(1, 2.0), "many": [Point(3, 4.5, label="q")]})
    return [data, list(data["where"])]


def test_sort_keys_is_a_per_instance_setting():
    plain, ordered = Serializer(), Serializer(sort_keys=True)
    value = {"b": {"z": 1, "a": 2}, "a": Point(0, 0.0)}
    return [
        [list(plain.dump(value)), list(plain.dump(value)["b"])],
        [list(ordered.dump(value)), list(ordered.dump(value)["b"]), list(ordered.dump(value)["a"])],
    ]


def test_unsupported_values_are_refused():
    return [
        _outcome(object()),
        _outcome(b"bytes"),
        _outcome({1: "a"}),
        _outcome([1, {"ok": {2.5: "x"}}]),
        _outcome(float("nan")),
        _outcome([float("inf")]),
        _outcome(Point),
    ]


def test_new_types_can_be_registered_from_outside():
    Serializer.dump.register(Fraction, lambda self, value: f"{value.numerator}/{value.denominator}")
    s = Serializer(sort_keys=True)
    return [s.dump(Fraction(3, 4)), s.dump({"share": [Fraction(1, 3)], "p": Point(1, 1.0)})]


def test_a_subclass_of_a_registered_type_uses_the_closest_registration():
    class Name(str):
        pass

    class Stamp(datetime.datetime):
        pass

    class Pair(tuple):
        pass

    s = Serializer()
    values = [s.dump(Name("n")), s.dump(Stamp(2020, 1, 2)), s.dump(Pair((1, True)))]
    return [values, [type(value).__name__ for value in values]]


def test_a_str_subclass_keeps_its_characters_even_when_it_overrides_str():
    class Fruit(str, enum.Enum):
        APPLE = "apple"

    class Shout(str):
        def __str__(self):
            return "LOUD"

    s = Serializer()
    values = [s.dump(Fruit.APPLE), s.dump(Shout("quiet"))]
    return [values, [type(value).__name__ for value in values], s.dump({"fruit": Fruit.APPLE})]


def test_a_float_result_is_a_float():
    s = Serializer()

    class Ratio(float):
        pass

    values = [s.dump(Ratio(0.25)), s.dump(-0.0), s.dump(1e300)]
    return [values, [type(value).__name__ for value in values]]


def generate(rng, n):
    """Fresh nested values built from plain data: dicts, lists, tuples, sets, scalars, sometimes bad keys."""

    def value(depth):
        kind = rng.choice(["int", "float", "str", "bool", "none", "decimal", "list", "tuple", "dict", "set", "badkey"])
        if depth > 2 and kind in ("list", "tuple", "dict", "set", "badkey"):
            kind = "int"
        if kind == "int":
            return ["int", rng.randint(-50, 50)]
        if kind == "float":
            return ["float", rng.choice([0.5, -2.25, 1e9, float("inf")])]
        if kind == "str":
            return ["str", rng.choice(["", "a", "b c"])]
        if kind == "bool":
            return ["bool", rng.random() < 0.5]
        if kind == "none":
            return ["none", None]
        if kind == "decimal":
            return ["decimal", str(rng.randint(0, 999)) + ".0" + str(rng.randint(0, 9))]
        if kind == "set":
            return ["set", [rng.randint(0, 9) for _ in range(rng.randint(0, 4))]]
        if kind == "dict":
            return ["dict", [[rng.choice("zyxab"), value(depth + 1)] for _ in range(rng.randint(0, 3))]]
        if kind == "badkey":
            return ["badkey", rng.randint(0, 5)]
        return [kind, [value(depth + 1) for _ in range(rng.randint(0, 3))]]

    return [(value(0), rng.random() < 0.5) for _ in range(n)]


def _build(spec):
    kind, data = spec
    if kind == "decimal":
        return Decimal(data)
    if kind == "set":
        return set(data)
    if kind == "dict":
        return {key: _build(item) for key, item in data}
    if kind == "badkey":
        return {data: "value"}
    if kind in ("list", "tuple"):
        items = [_build(item) for item in data]
        return items if kind == "list" else tuple(items)
    return data


def check(case):
    spec, sort_keys = case
    result = _outcome(_build(spec), Serializer(sort_keys=sort_keys))
    if result[0] == "ok" and isinstance(result[1], dict):
        result.append(list(result[1]))
    return result

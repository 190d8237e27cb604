from functools import total_ordering
from types import MappingProxyType


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _result(value, units: dict):
    """A quantity, or the bare number when every unit cancels out."""
    units = {name: power for name, power in units.items() if power}
    return Quantity(value, **units) if units else value


@total_ordering
class Quantity:
    __slots__ = ("value", "units")

    def __init__(self, value, **units: int) -> None:
        if not _is_number(value):
            raise TypeError("value must be an int or a float")
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "units", MappingProxyType({n: p for n, p in sorted(units.items()) if p}))

    def __setattr__(self, name, value):
        raise AttributeError("Quantity is immutable")

    def __delattr__(self, name):
        # without it `del q.value` would empty the slot (and break the hash of a quantity in a set)
        raise AttributeError("Quantity is immutable")

    def unit_text(self) -> str:
        return "*".join(name if power == 1 else f"{name}^{power}" for name, power in self.units.items())

    def _check_same_units(self, other: "Quantity", verb: str) -> None:
        if self.units != other.units:
            raise ValueError(f"cannot {verb} {self.unit_text() or '1'} and {other.unit_text() or '1'}")

    def __add__(self, other):
        if not isinstance(other, Quantity):
            return NotImplemented
        self._check_same_units(other, "add")
        return Quantity(self.value + other.value, **self.units)

    def __sub__(self, other):
        if not isinstance(other, Quantity):
            return NotImplemented
        self._check_same_units(other, "subtract")
        return Quantity(self.value - other.value, **self.units)

    def __neg__(self) -> "Quantity":
        return Quantity(-self.value, **self.units)

    def _combined_units(self, other: "Quantity", sign: int) -> dict:
        units = dict(self.units)
        for name, power in other.units.items():
            units[name] = units.get(name, 0) + sign * power
        return units

    def __mul__(self, other):
        if isinstance(other, Quantity):
            return _result(self.value * other.value, self._combined_units(other, 1))
        if _is_number(other):
            return Quantity(self.value * other, **self.units)
        return NotImplemented

    __rmul__ = __mul__

    def __pow__(self, exponent):
        if type(exponent) is not int:
            return NotImplemented
        return _result(self.value**exponent, {name: power * exponent for name, power in self.units.items()})

    def __truediv__(self, other):
        if isinstance(other, Quantity):
            return _result(self.value / other.value, self._combined_units(other, -1))
        if _is_number(other):
            return Quantity(self.value / other, **self.units)
        return NotImplemented

    def __rtruediv__(self, other):
        if _is_number(other):
            return Quantity(other / self.value, **{name: -power for name, power in self.units.items()})
        return NotImplemented

    def __eq__(self, other):
        if not isinstance(other, Quantity):
            return NotImplemented
        return self.units == other.units and self.value == other.value

    def __lt__(self, other):
        if not isinstance(other, Quantity):
            return NotImplemented
        self._check_same_units(other, "compare")
        return self.value < other.value

    def __hash__(self) -> int:
        return hash((self.value, tuple(self.units.items())))

    def __repr__(self) -> str:
        keywords = "".join(f", {name}={power}" for name, power in self.units.items())
        return f"Quantity({self.value!r}{keywords})"

    def __str__(self) -> str:
        return f"{self.value} {self.unit_text()}" if self.units else str(self.value)

import dataclasses
import datetime
import enum
import math
from collections.abc import Mapping, Set
from decimal import Decimal
from functools import singledispatchmethod


class Serializer:
    def __init__(self, *, sort_keys: bool = False) -> None:
        self.sort_keys = sort_keys

    @singledispatchmethod
    def dump(self, value):
        # the fallback: dataclasses have no common base class to register, so they are recognised here
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self._dump_pairs((field.name, getattr(value, field.name)) for field in dataclasses.fields(value))
        raise TypeError(f"cannot serialize {type(value).__name__}")

    @dump.register(type(None))
    def _(self, value):
        return None

    @dump.register
    def _(self, value: bool):
        return value

    @dump.register
    def _(self, value: int):
        return int(value)

    @dump.register
    def _(self, value: float):
        if not math.isfinite(value):
            raise ValueError(f"not JSON-compatible: {value}")
        return float(value)

    @dump.register
    def _(self, value: str):
        # str.__str__, not str(): a subclass may override __str__ (a (str, Enum) member prints "Color.RED")
        return str.__str__(value)

    @dump.register
    def _(self, value: Decimal):
        return str(value)

    @dump.register
    def _(self, value: datetime.date):
        return value.isoformat()

    @dump.register
    def _(self, value: enum.Enum):
        return self.dump(value.value)

    @dump.register(list)
    @dump.register(tuple)
    def _(self, value):
        return [self.dump(item) for item in value]

    @dump.register
    def _(self, value: Set):
        return sorted(self.dump(item) for item in value)

    @dump.register
    def _(self, value: Mapping):
        return self._dump_pairs(value.items())

    def _dump_pairs(self, pairs) -> dict:
        result = {}
        for key, item in pairs:
            if not isinstance(key, str):
                raise TypeError(f"keys must be str, got {type(key).__name__}")
            result[key] = self.dump(item)  # self.dump, so types registered later work when nested
        return dict(sorted(result.items())) if self.sort_keys else result

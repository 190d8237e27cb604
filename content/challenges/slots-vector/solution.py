import math


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def _parts(self) -> tuple:
        return (self.x, self.y)

    def _make(self, parts):
        return type(self)(*parts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(map(repr, self._parts()))})"

    def __eq__(self, other):
        if not isinstance(other, Vector) or type(other) is not type(self):
            return NotImplemented
        return self._parts() == other._parts()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._parts()))

    def __add__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._make(a + b for a, b in zip(self._parts(), other._parts()))

    def __sub__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._make(a - b for a, b in zip(self._parts(), other._parts()))

    def __mul__(self, factor):
        if not isinstance(factor, (int, float)):
            return NotImplemented
        return self._make(a * factor for a in self._parts())

    __rmul__ = __mul__

    def __abs__(self) -> float:
        return math.hypot(*self._parts())

    def __bool__(self) -> bool:
        return any(self._parts())


class Vector3(Vector):
    __slots__ = ("z",)

    def __init__(self, x: float, y: float, z: float) -> None:
        super().__init__(x, y)
        self.z = z

    def _parts(self) -> tuple:
        return (self.x, self.y, self.z)

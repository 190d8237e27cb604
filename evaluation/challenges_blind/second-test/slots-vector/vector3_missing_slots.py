import math


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def _coords(self):
        return (self.x, self.y)

    def __repr__(self):
        args = ", ".join(repr(c) for c in self._coords())
        return f"{type(self).__name__}({args})"

    def __add__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return type(self)(*(a + b for a, b in zip(self._coords(), other._coords())))

    def __sub__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return type(self)(*(a - b for a, b in zip(self._coords(), other._coords())))

    def __mul__(self, k):
        if not isinstance(k, (int, float)):
            return NotImplemented
        return type(self)(*(c * k for c in self._coords()))

    __rmul__ = __mul__

    def __abs__(self):
        return math.hypot(*self._coords())

    def __bool__(self):
        return any(self._coords())

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._coords() == other._coords()

    def __hash__(self):
        return hash((type(self).__name__, self._coords()))


class Vector3(Vector):
    def __init__(self, x: float, y: float, z: float) -> None:
        super().__init__(x, y)
        self.z = z

    def _coords(self):
        return (self.x, self.y, self.z)

class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x: float, y: float) -> None:
        raise NotImplementedError

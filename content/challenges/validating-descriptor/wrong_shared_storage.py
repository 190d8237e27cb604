import builtins


class Bounded:
    def __init__(self, low=None, high=None, *, type=int) -> None:
        self.low = low
        self.high = high
        self.type = type
        self.name = ""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if not hasattr(self, "value"):
            raise AttributeError(f"{self.name} is not set")
        return self.value

    def _coerce(self, value):
        if builtins.type(value) is bool or not isinstance(value, self.type):
            if self.type is float and builtins.type(value) is int:
                return float(value)
            raise TypeError(f"{self.name} must be {self.type.__name__}, got {builtins.type(value).__name__}")
        return value

    def __set__(self, instance, value) -> None:
        value = self._coerce(value)
        if self.low is not None and value < self.low:
            raise ValueError(f"{self.name} must be >= {self.low}")
        if self.high is not None and value > self.high:
            raise ValueError(f"{self.name} must be <= {self.high}")
        self.value = value

class Bounded:
    def __init__(self, low=None, high=None, *, type=int) -> None:
        self.low = low
        self.high = high
        self.type = type
        self.name = None

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        try:
            return obj.__dict__[self.name]
        except (KeyError, AttributeError):
            raise AttributeError(f"{self.name} is not set") from None

    def __set__(self, obj, value):
        accepted = (int, float) if self.type is float else self.type
        if isinstance(value, bool) or not isinstance(value, accepted):
            raise TypeError(
                f"{self.name} must be {self.type.__name__}, got {type(value).__name__}"
            )
        if self.low is not None and value < self.low:
            raise ValueError(f"{self.name} must be >= {self.low}")
        if self.high is not None and value > self.high:
            raise ValueError(f"{self.name} must be <= {self.high}")
        obj.__dict__[self.name] = value

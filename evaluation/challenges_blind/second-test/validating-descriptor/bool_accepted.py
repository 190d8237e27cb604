class Bounded:
    def __init__(self, low=None, high=None, *, type=int) -> None:
        self.low = low
        self.high = high
        self.type = type
        self.name = None

    def __set_name__(self, owner, name):
        self.name = name
        self.storage_name = "_bounded_" + name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        try:
            return instance.__dict__[self.storage_name]
        except KeyError:
            raise AttributeError(f"{self.name} is not set") from None

    def __set__(self, instance, value):
        expected = self.type
        allowed = (int, float) if expected is float else (expected,)
        if not isinstance(value, allowed):
            raise TypeError(f"{self.name} must be {expected.__name__}, got {type(value).__name__}")
        if expected is float:
            value = float(value)
        if self.low is not None and value < self.low:
            raise ValueError(f"{self.name} must be >= {self.low}")
        if self.high is not None and value > self.high:
            raise ValueError(f"{self.name} must be <= {self.high}")
        instance.__dict__[self.storage_name] = value

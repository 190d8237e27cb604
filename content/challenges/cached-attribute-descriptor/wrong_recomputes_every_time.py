class cached_attribute:
    """Compute an attribute once per instance, then let the instance's __dict__ answer."""

    def __init__(self, func) -> None:
        self.func = func
        self.name = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name: str) -> None:
        if self.name is None:
            self.name = name
        elif name != self.name:
            raise TypeError(f"cannot use one cached_attribute under two names: {self.name!r} and {name!r}")

    # No __set__: a non-data descriptor loses to the instance __dict__, so after the first access the
    # cached value is found by ordinary attribute lookup and this method is never called again.
    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.name is None:
            raise TypeError("cached_attribute needs __set_name__: define it in a class body")
        try:
            storage = instance.__dict__
        except AttributeError:
            raise TypeError(f"{type(instance).__name__} instances have no __dict__ to cache {self.name!r} in") from None
        value = self.func(instance)
        return value

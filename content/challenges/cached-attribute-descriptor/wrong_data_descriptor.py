class cached_attribute:
    def __init__(self, func):
        self.func = func
        self.name = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.name is None:
            self.name = name
        elif name != self.name:
            raise TypeError(f"cannot use one cached_attribute under two names: {self.name!r} and {name!r}")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        cache = instance.__dict__
        if self.name not in cache:
            cache[self.name] = self.func(instance)
        return cache[self.name]

    def __set__(self, instance, value):
        raise AttributeError(f"{self.name} is read-only")

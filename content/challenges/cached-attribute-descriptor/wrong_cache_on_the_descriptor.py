class cached_attribute:
    def __init__(self, func):
        self.func = func
        self.name = None
        self.__doc__ = func.__doc__
        self._value = None
        self._done = False

    def __set_name__(self, owner, name):
        if self.name is None:
            self.name = name
        elif name != self.name:
            raise TypeError(f"cannot use one cached_attribute under two names: {self.name!r} and {name!r}")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if not self._done:
            self._value = self.func(instance)
            self._done = True
        return self._value

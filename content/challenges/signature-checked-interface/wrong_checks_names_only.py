import inspect


def required(func):
    """Mark a method that every concrete subclass must implement with the same parameters."""
    func.__required__ = True
    return func


def _shape(func) -> list:
    return [(p.name, p.kind) for p in inspect.signature(func).parameters.values()]


class Interface:
    def __init_subclass__(cls, abstract: bool = False, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if abstract:
            return
        for name, stub in _required_methods(cls).items():
            implementation = inspect.getattr_static(cls, name)
            if getattr(implementation, "__required__", False):
                raise TypeError(f"{cls.__name__} must implement {name}()")
            if [p.name for p in inspect.signature(implementation).parameters.values()] != [p.name for p in inspect.signature(stub).parameters.values()]:
                raise TypeError(f"{cls.__name__}.{name}{inspect.signature(implementation)} does not match {name}{inspect.signature(stub)}")


def _required_methods(cls) -> dict:
    """Every method marked @required anywhere in the MRO; a redeclaration in a subclass wins, as overriding does."""
    found: dict = {}
    for klass in cls.__mro__:
        for name, value in vars(klass).items():
            if getattr(value, "__required__", False) and name not in found:
                found[name] = value
    return found

_MISSING = object()


class Field:
    def __init__(self, kind: type, *, default=_MISSING, nullable: bool = False) -> None:
        self.kind = kind
        self.default = default() if callable(default) else default
        self.nullable = nullable
        self.name = None

    def __set_name__(self, owner, name) -> None:
        # called by type.__new__ once the class body has run, for every attribute that defines it
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        try:
            return instance.__dict__[self.name]
        except KeyError:
            raise AttributeError(self.name) from None

    def __set__(self, instance, value) -> None:
        # a data descriptor wins over the instance __dict__, so the value can live there under the same name
        instance.__dict__[self.name] = self.validate(type(instance).__name__, value)

    def validate(self, model: str, value):
        if value is None:
            if self.nullable:
                return None
            raise TypeError(f"{model}.{self.name} must not be None")
        if not isinstance(value, self.kind) or (self.kind is int and isinstance(value, bool)):
            raise TypeError(f"{model}.{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        return value

    def has_default(self) -> bool:
        return self.default is not _MISSING

    def make_default(self):
        return self.default


class Model:
    _fields: tuple = ()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        names: dict = {}
        for klass in reversed(cls.__mro__):
            for name, value in vars(klass).items():
                if isinstance(value, Field):
                    names.setdefault(name, None)
        cls._fields = tuple(names)

    @classmethod
    def _field(cls, name: str) -> Field:
        return getattr(cls, name)

    def __init__(self, **values) -> None:
        for name in values:
            if name not in self._fields:
                raise TypeError(f"unknown field {name!r}")
        for name in self._fields:
            field = self._field(name)
            if name in values:
                setattr(self, name, values[name])
            elif field.has_default():
                setattr(self, name, field.make_default())
            else:
                raise TypeError(f"missing field {name!r}")

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"

    # defining __eq__ sets __hash__ to None: instances are mutable, so they must not be hashable
    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._fields)

    def to_dict(self) -> dict:
        result = {}
        for name in self._fields:
            value = getattr(self, name)
            result[name] = value.to_dict() if isinstance(value, Model) else value
        return result

    @classmethod
    def from_dict(cls, data: dict):
        values = {}
        for name, value in data.items():
            if name in cls._fields:
                kind = cls._field(name).kind
                if isinstance(value, dict) and issubclass(kind, Model):
                    value = kind.from_dict(value)
            values[name] = value
        return cls(**values)

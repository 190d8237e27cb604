import re


class Exporter:
    registry: dict = {}

    def __init_subclass__(cls, name=None, abstract=False, **kwargs):
        super().__init_subclass__(**kwargs)
        if abstract:
            return
        if name is None:
            raise TypeError(f"{cls.__name__} needs a name")
        if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise ValueError(f"invalid exporter name {name!r}")
        cls.name = name
        Exporter.registry[name] = cls

    @classmethod
    def get(cls, name):
        try:
            return Exporter.registry[name]
        except KeyError:
            raise KeyError(f"no exporter named {name!r}") from None

    @classmethod
    def available(cls):
        return sorted(Exporter.registry)

import re

_NAME = re.compile(r"[a-z][a-z0-9_]*")


class Exporter:
    registry: dict = {}

    def __init_subclass__(cls, name=None, abstract=False, **kwargs):
        super().__init_subclass__(**kwargs)
        if name is not None and not _NAME.fullmatch(name):
            raise ValueError(f"invalid exporter name {name!r}")
        if abstract:
            return
        if name is None:
            raise TypeError(f"{cls.__name__} needs a name")
        if name in Exporter.registry:
            owner = Exporter.registry[name].__name__
            raise ValueError(f"exporter {name!r} is already registered by {owner}")
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

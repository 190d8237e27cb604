_MISSING = object()


class Field:
    def __init__(self, kind: type, *, default=_MISSING, nullable: bool = False) -> None:
        raise NotImplementedError


class Model:
    pass

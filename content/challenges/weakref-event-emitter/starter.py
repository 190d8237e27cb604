import weakref
from types import MethodType


class Emitter:
    def __init__(self) -> None:
        raise NotImplementedError

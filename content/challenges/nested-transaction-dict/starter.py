from collections.abc import MutableMapping
from contextlib import contextmanager


class TransactionalDict(MutableMapping):
    def __init__(self, *args, **kwargs) -> None:
        raise NotImplementedError

from collections.abc import MutableMapping
from contextlib import contextmanager

_ABSENT = object()  # "the key did not exist": None is a storable value


class TransactionalDict(MutableMapping):
    def __init__(self, *args, **kwargs) -> None:
        self._data: dict = {}
        # one undo log per open transaction: key -> its value before that transaction first changed it
        self._undo: list = []
        self.update(*args, **kwargs)

    def _remember(self, key) -> None:
        if self._undo and key not in self._undo[-1]:
            self._undo[-1][key] = self._data.get(key, _ABSENT)

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value) -> None:
        self._remember(key)
        self._data[key] = value

    def __delitem__(self, key) -> None:
        self._remember(key)  # for a missing key this logs "absent", which is what it still is
        del self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    @property
    def depth(self) -> int:
        return len(self._undo)

    def begin(self) -> None:
        self._undo.append({})

    def commit(self) -> None:
        if not self._undo:
            raise RuntimeError("no transaction to commit")
        self._undo.pop()

    def rollback(self) -> None:
        if not self._undo:
            raise RuntimeError("no transaction to roll back")
        for key, old in self._undo.pop().items():
            if old is _ABSENT:
                self._data.pop(key, None)
            else:
                self._data[key] = old

    @contextmanager
    def transaction(self):
        self.begin()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        self.commit()

from collections.abc import MutableMapping
from contextlib import contextmanager


class TransactionalDict(MutableMapping):
    """Copies the whole dict at every begin: correct, but O(size) per transaction."""

    def __init__(self, *args, **kwargs):
        self._data = {}
        self._snapshots = []
        self.update(*args, **kwargs)

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    @property
    def depth(self):
        return len(self._snapshots)

    def begin(self):
        self._snapshots.append(dict(self._data))

    def commit(self):
        if not self._snapshots:
            raise RuntimeError("no transaction to commit")
        self._snapshots.pop()

    def rollback(self):
        if not self._snapshots:
            raise RuntimeError("no transaction to roll back")
        self._data = self._snapshots.pop()

    @contextmanager
    def transaction(self):
        self.begin()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        self.commit()

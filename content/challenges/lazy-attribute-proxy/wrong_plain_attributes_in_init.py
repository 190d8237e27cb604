import threading


def loaded(proxy) -> bool:
    return proxy._lazy_target is not None


def unwrap(proxy):
    return proxy._resolve()


class LazyProxy:
    def __init__(self, factory) -> None:
        self._lazy_factory = factory  # goes through __setattr__ below, which wants the target first
        self._lazy_target = None
        self._lazy_lock = threading.Lock()

    def _resolve(self):
        with self._lazy_lock:
            if self._lazy_target is None:
                self._lazy_target = self._lazy_factory()
        return self._lazy_target

    def __getattr__(self, name):
        return getattr(self._resolve(), name)

    def __setattr__(self, name, value) -> None:
        setattr(self._resolve(), name, value)

    def __delattr__(self, name) -> None:
        delattr(self._resolve(), name)

    def __len__(self):
        return len(self._resolve())

    def __iter__(self):
        return iter(self._resolve())

    def __getitem__(self, key):
        return self._resolve()[key]

    def __str__(self):
        return str(self._resolve())

    def __eq__(self, other):
        return self._resolve() == other

    def __hash__(self):
        return hash(self._resolve())

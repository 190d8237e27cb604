import threading

_UNSET = object()


def _resolve(proxy):
    target = object.__getattribute__(proxy, "_lazy_target")
    if target is _UNSET:
        with object.__getattribute__(proxy, "_lazy_lock"):
            target = object.__getattribute__(proxy, "_lazy_target")
            if target is _UNSET:
                target = object.__getattribute__(proxy, "_lazy_factory")()
                object.__setattr__(proxy, "_lazy_target", target)
    return target


def loaded(proxy) -> bool:
    return object.__getattribute__(proxy, "_lazy_target") is not _UNSET


def unwrap(proxy):
    return _resolve(proxy)


class LazyProxy:
    """Forwards everything through __getattr__, __setattr__ and __delattr__, which looks complete."""

    def __init__(self, factory) -> None:
        object.__setattr__(self, "_lazy_factory", factory)
        object.__setattr__(self, "_lazy_target", _UNSET)
        object.__setattr__(self, "_lazy_lock", threading.Lock())

    def __getattr__(self, name):
        return getattr(_resolve(self), name)

    def __setattr__(self, name, value) -> None:
        setattr(_resolve(self), name, value)

    def __delattr__(self, name) -> None:
        delattr(_resolve(self), name)

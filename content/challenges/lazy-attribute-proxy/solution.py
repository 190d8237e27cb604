import threading

_UNSET = object()


def _resolve(proxy):
    # object.__getattribute__ and object.__setattr__ reach the proxy's own slots without forwarding
    target = object.__getattribute__(proxy, "_lazy_target")
    if target is _UNSET:
        with object.__getattribute__(proxy, "_lazy_lock"):
            target = object.__getattribute__(proxy, "_lazy_target")
            if target is _UNSET:  # checked again: another thread may have created it while we waited
                target = object.__getattribute__(proxy, "_lazy_factory")()
                object.__setattr__(proxy, "_lazy_target", target)
    return target


def loaded(proxy) -> bool:
    return object.__getattribute__(proxy, "_lazy_target") is not _UNSET


def unwrap(proxy):
    return _resolve(proxy)


class LazyProxy:
    __slots__ = ("_lazy_factory", "_lazy_target", "_lazy_lock")

    def __init__(self, factory) -> None:
        object.__setattr__(self, "_lazy_factory", factory)
        object.__setattr__(self, "_lazy_target", _UNSET)
        object.__setattr__(self, "_lazy_lock", threading.Lock())

    # only called when normal lookup fails, i.e. for every name the proxy itself does not have
    def __getattr__(self, name):
        return getattr(_resolve(self), name)

    def __setattr__(self, name, value) -> None:
        setattr(_resolve(self), name, value)

    def __delattr__(self, name) -> None:
        delattr(_resolve(self), name)

    # isinstance() consults __class__, so the proxy passes for its target's class
    @property
    def __class__(self):
        return type(_resolve(self))

    # special methods are looked up on the type, never through __getattr__: each one is spelled out
    def __len__(self):
        return len(_resolve(self))

    def __iter__(self):
        return iter(_resolve(self))

    def __contains__(self, item):
        return item in _resolve(self)

    def __getitem__(self, key):
        return _resolve(self)[key]

    def __setitem__(self, key, value):
        _resolve(self)[key] = value

    def __delitem__(self, key):
        del _resolve(self)[key]

    def __call__(self, *args, **kwargs):
        return _resolve(self)(*args, **kwargs)

    def __str__(self):
        return str(_resolve(self))

    def __repr__(self):
        if not loaded(self):
            return "<LazyProxy (not loaded)>"
        return repr(_resolve(self))

    def __eq__(self, other):
        return _resolve(self) == other

    def __hash__(self):
        return hash(_resolve(self))

    def __bool__(self):
        return bool(_resolve(self))

import threading


def loaded(proxy) -> bool:
    raise NotImplementedError


def unwrap(proxy):
    raise NotImplementedError


class LazyProxy:
    def __init__(self, factory) -> None:
        raise NotImplementedError

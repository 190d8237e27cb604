import threading
from contextlib import contextmanager


class RWLock:
    def __init__(self) -> None:
        raise NotImplementedError

    def acquire_read(self, timeout=None) -> bool:
        raise NotImplementedError

    def release_read(self) -> None:
        raise NotImplementedError

    def acquire_write(self, timeout=None) -> bool:
        raise NotImplementedError

    def release_write(self) -> None:
        raise NotImplementedError

import threading
from contextlib import contextmanager


class RWLock:
    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._readers = 0
        self._writer = False
        self._waiting_writers = 0

    def acquire_read(self, timeout=None) -> bool:
        with self._cond:
            # writer preference: a waiting writer keeps new readers out, so writers cannot starve
            ok = self._cond.wait_for(lambda: not self._writer, timeout)
            if ok:
                self._readers += 1
            return ok

    def release_read(self) -> None:
        with self._cond:
            if not self._readers:
                raise RuntimeError("release_read() without a reader")
            self._readers -= 1
            self._cond.notify_all()

    def acquire_write(self, timeout=None) -> bool:
        with self._cond:
            self._waiting_writers += 1
            ok = self._cond.wait_for(lambda: not self._writer and not self._readers, timeout)
            self._waiting_writers -= 1
            if ok:
                self._writer = True
            # a writer that gave up may have been the only thing keeping readers out
            self._cond.notify_all()
            return ok

    def release_write(self) -> None:
        with self._cond:
            if not self._writer:
                raise RuntimeError("release_write() without a writer")
            self._writer = False
            self._cond.notify_all()

    @property
    def readers(self) -> int:
        return self._readers

    @property
    def writer_active(self) -> bool:
        return self._writer

    @property
    def waiting_writers(self) -> int:
        return self._waiting_writers

    @contextmanager
    def read_locked(self):
        self.acquire_read()
        try:
            yield self
        finally:
            self.release_read()

    @contextmanager
    def write_locked(self):
        self.acquire_write()
        try:
            yield self
        finally:
            self.release_write()

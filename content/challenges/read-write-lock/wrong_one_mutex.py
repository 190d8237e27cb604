import threading
from contextlib import contextmanager


class RWLock:
    """Every reader and writer takes the same mutex: correct, but readers never share."""

    def __init__(self):
        self._lock = threading.Lock()
        self._readers = 0
        self._writer = False
        self._waiting_writers = 0

    def _acquire(self, timeout):
        if timeout is None:
            return self._lock.acquire()
        return self._lock.acquire(timeout=timeout)

    def acquire_read(self, timeout=None):
        ok = self._acquire(timeout)
        if ok:
            self._readers += 1
        return ok

    def release_read(self):
        if not self._readers:
            raise RuntimeError("release_read() without a reader")
        self._readers -= 1
        self._lock.release()

    def acquire_write(self, timeout=None):
        self._waiting_writers += 1
        ok = self._acquire(timeout)
        self._waiting_writers -= 1
        if ok:
            self._writer = True
        return ok

    def release_write(self):
        if not self._writer:
            raise RuntimeError("release_write() without a writer")
        self._writer = False
        self._lock.release()

    @property
    def readers(self):
        return self._readers

    @property
    def writer_active(self):
        return self._writer

    @property
    def waiting_writers(self):
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

"""The one-machine "shared" cache: Django's file cache, culled now and then instead of on every write.

Django's FileBasedCache lists its whole directory on every set() to see whether it holds more than
MAX_ENTRIES. The shared cache keeps sessions (cached_db), per-visitor practice figures and verdict
announcements, so its directory grows with visitors, and so did the cost of every write: measured here, a set()
took 0.5 ms with 100 files, 9.7 ms with 5,000 and 43 ms with 20,000; this backend's, 0.4 ms at each size
(`benchmarks/filecache_bench.py`, side by side). It looks at the directory at most once every CULL_EVERY
seconds per process (all its threads and instances together) and culls as Django does when it is over the
limit; between two looks the directory can exceed MAX_ENTRIES by the writes of those seconds. Reads, deletes,
expiry and the file format are Django's.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY = 30.0  # seconds

_next_look: dict[str, float] = {}  # directory -> when this process may next list it
_lock = threading.Lock()


class FileCache(FileBasedCache):
    """FileBasedCache whose set() lists the directory at most once every CULL_EVERY seconds per process."""

    def __init__(self, dir: str, params: dict[str, Any]) -> None:  # noqa: A002 - Django's own signature
        super().__init__(dir, params)
        self.directory = os.path.abspath(dir)

    def _cull(self) -> None:
        now = time.monotonic()
        with _lock:
            if now < _next_look.get(self.directory, 0.0):
                return
            _next_look[self.directory] = now + CULL_EVERY
        super()._cull()  # type: ignore[misc]  # private in Django, so absent from its type stubs

"""The judge queue on one machine: SqliteHuey with a wake-up, so an idle judge picks a job up at once.

Plain SqliteHuey makes an idle consumer poll the queue file (one SQLite transaction per look, per worker
thread). Here `enqueue` also sends one datagram to a Unix socket beside the queue file (`<file>.wake`) that
the judge binds, and an idle worker blocks on that socket (up to `read_timeout`) instead of polling: the pickup
is one wake-up, and an idle judge looks at the file once per `read_timeout`. A lost wake-up (no judge yet, a
full socket buffer, a sender that may not write the socket) costs at most `read_timeout`, never the job: the
job is in the file. Without the socket (a second judge on the same file, a path too long for a Unix socket)
the worker polls every `poll_seconds`. No Django here.

The file is written with `synchronous=NORMAL` (huey's default is FULL: an fsync per enqueue and per dequeue,
0.5-4 ms each on this machine, both on the way from Submit to verdict). In WAL mode NORMAL never corrupts the
file; a power loss can forget the last commits, and then nothing is lost either: the job's row is in the
site's database (itself NORMAL), and a starting judge queues every job still waiting.

RedisHuey needs none of this: its dequeue is a blocking BRPOP.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import select
import socket
import threading
import time
from typing import Any

from huey.api import SqliteHuey
from huey.storage import SqliteStorage

log = logging.getLogger("pyprep.judge")


class WakeableSqliteStorage(SqliteStorage):
    blocking = True  # the consumer does not sleep between empty dequeues: dequeue waits itself

    def __init__(
        self,
        name: str = "huey",
        filename: str = "huey.db",
        read_timeout: float = 1.0,
        poll_seconds: float = 0.02,
        synchronous: str = "NORMAL",
        **kwargs: Any,
    ) -> None:
        if synchronous.upper() not in ("OFF", "NORMAL", "FULL", "EXTRA"):
            raise ValueError(f"synchronous must be OFF, NORMAL, FULL or EXTRA, not {synchronous!r}")
        self.synchronous = synchronous.upper()
        super().__init__(name=name, filename=filename, **kwargs)
        self.wake_path = f"{filename}.wake"
        self.read_timeout = read_timeout
        self.poll_seconds = poll_seconds
        self._listener: socket.socket | None = None
        self._listen_failed = False
        self._listen_lock = threading.Lock()
        self._refused_logged = False

    def _create_connection(self) -> Any:
        conn = super()._create_connection()
        if self._fsync is None:  # huey's own `fsync` option, when given, decides
            conn.execute(f"pragma synchronous={self.synchronous}")
        return conn

    # The web side -------------------------------------------------------------------------------------

    def enqueue(self, data: bytes, priority: int | None = None) -> None:
        super().enqueue(data, priority)
        self.wake()

    def wake(self) -> None:
        """Tell an idle judge a job is waiting (after it is committed to the file); never raises."""
        sender = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            sender.setblocking(False)
            sender.sendto(b"!", self.wake_path)
        except OSError as exc:
            # No judge listening yet (it reads the file when it starts), or its buffer is full (it is awake).
            if exc.errno in (errno.EACCES, errno.EPERM) and not self._refused_logged:
                self._refused_logged = True
                log.warning(
                    "judge queue: may not write %s (%s): the judge finds jobs by polling", self.wake_path, exc
                )
        finally:
            sender.close()

    # The judge side -----------------------------------------------------------------------------------

    def dequeue(self) -> bytes | None:
        listener = self.listen()  # bound before the look, so a job queued after it also wakes the socket
        data: bytes | None = super().dequeue()
        if data is not None:
            return data
        if listener is None:
            time.sleep(self.poll_seconds)
        else:
            readable, _, _ = select.select([listener], [], [], self.read_timeout)
            if readable:
                self._drain(listener)
        result: bytes | None = super().dequeue()
        return result

    def _drain(self, listener: socket.socket) -> None:
        try:
            while listener.recv(64):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def listen(self) -> socket.socket | None:
        """Bind the wake-up socket (once; the judge calls it at start), None where this judge must poll."""
        if self._listener is not None or self._listen_failed:
            return self._listener
        with self._listen_lock:
            if self._listener is None and not self._listen_failed:
                self._listener = self._bind()
                self._listen_failed = self._listener is None
        return self._listener

    def _bind(self) -> socket.socket | None:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        listener.setblocking(False)
        try:
            try:
                listener.bind(self.wake_path)
            except OSError as exc:
                if exc.errno != errno.EADDRINUSE or self._owner_alive():
                    raise
                os.unlink(self.wake_path)  # left by a judge that died
                listener.bind(self.wake_path)
        except OSError as exc:
            listener.close()
            log.info(
                "judge queue: no wake-up socket (%s); polling every %.0f ms", exc, self.poll_seconds * 1000
            )
            return None
        return listener

    def _owner_alive(self) -> bool:
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            probe.setblocking(False)
            probe.sendto(b"!", self.wake_path)
        except (ConnectionRefusedError, FileNotFoundError):
            return False
        except OSError:
            return True  # e.g. its buffer is full: someone is bound there
        finally:
            probe.close()
        return True

    def close_listener(self) -> None:
        """Stop taking wake-ups (the judge stopping): remove the socket's path, so senders find no judge.

        The socket itself stays open until the process exits: a worker thread may still be waiting on it, and
        closing a descriptor another thread is using lets its number be reused (say, by a sandbox pipe) under it.
        Idle workers then wait out `read_timeout` and look at the file, as without a socket.
        """
        with self._listen_lock:
            if self._listener is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.wake_path)
            self._listen_failed = True  # no new socket for this storage object


class WakeableSqliteHuey(SqliteHuey):
    """SqliteHuey whose idle consumer waits on a wake-up socket instead of polling (see the module)."""

    storage_class = WakeableSqliteStorage

"""Verdict push: a long-poll that answers as soon as the judge's grading is committed, instead of a timed poll.

The judge process announces each graded submission (post_save, after commit): on Redis it publishes on a
channel the waiting web worker subscribed to; on one machine it sends a datagram to the Unix socket each
waiting request bound for that submission (`var/verdict-waiters/<id>.<random>`), so the waiter wakes at once
instead of polling. It also sets a key in the "shared" cache (a file in var/), which a waiter that could not
bind a socket checks every few milliseconds, and one that did every `_CHECK_WITH_SOCKET` in case the datagram
could not be sent (say, a judge running as another user). Either way the waiter also re-reads the submission
now and then, so a lost announcement costs latency, never an answer.

A wait holds one of the web server's threads, so at most `conf.waiting_per_process()` requests of a process
wait at once (`wait_slot`); past that a request answers "pending" at once, and the page asks again a second
later, so pages are never queued behind verdicts.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import select
import socket
import threading
import time
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import redis
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from pyprep.challenges import conf, selectors
from pyprep.challenges.models import Submission
from pyprep.judge.selectors import judge_alive

# How long one wait may hold a web thread; the page then asks again (and shows "judge silent" when due).
WAIT_SECONDS = 5.0
_CHECK_EVERY = 0.005  # seconds between looks at the shared-cache key (one stat/open, no query)
_CHECK_WITH_SOCKET = 0.05  # the same, for a waiter woken by its socket: only a datagram that was never sent
_RECHECK_DB_EVERY = 1.0
BUSY_RETRY_SECONDS = 1  # when this process has no place left to wait, the page asks again after this long


@lru_cache(maxsize=1)
def _wait_slots() -> threading.BoundedSemaphore:
    return threading.BoundedSemaphore(conf.waiting_per_process())


@contextlib.contextmanager
def wait_slot() -> Iterator[bool]:
    """One of this process's places to wait for a verdict: True if one was free (held until the block ends),
    False at once if every place is taken."""
    slots = _wait_slots()
    taken = slots.acquire(blocking=False)
    try:
        yield taken
    finally:
        if taken:
            slots.release()


def _key(submission_id: int) -> str:
    return f"verdict:{submission_id}"


@lru_cache(maxsize=1)
def _redis() -> redis.Redis | None:
    url = getattr(settings, "REDIS_URL", "")
    return redis.Redis.from_url(url) if url else None


def _channel(client: redis.Redis, submission_id: int) -> str:
    # Pub/sub channels are server-wide, not per database: name the database, so that sites (or parallel test
    # workers) sharing one Redis server on different databases never wake each other's waiters.
    return f"{_key(submission_id)}@db{client.connection_pool.connection_kwargs.get('db', 0)}"


def _waiters_dir() -> Path:
    return Path(settings.VAR_DIR) / "verdict-waiters"


@contextlib.contextmanager
def _wake_socket(*, submission_id: int) -> Iterator[socket.socket | None]:
    """A datagram socket the judge's announcement of this submission wakes; None where one cannot be bound."""
    path = _waiters_dir() / f"{submission_id}.{secrets.token_hex(6)}"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        path.parent.mkdir(exist_ok=True)
        listener.bind(str(path))
    except OSError:  # a path too long for a Unix socket, a read-only var/: the waiter polls the cache key
        listener.close()
        yield None
        return
    try:
        yield listener
    finally:
        listener.close()
        with contextlib.suppress(OSError):
            path.unlink()


def _wake_waiters(*, submission_id: int) -> None:
    """One datagram to each request waiting on this submission on this machine; never raises."""
    directory = _waiters_dir()
    prefix = f"{submission_id}."
    try:
        names = [name for name in os.listdir(directory) if name.startswith(prefix)]
    except OSError:
        return
    if not names:
        return
    sender = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        sender.setblocking(False)
        for name in names:
            try:
                sender.sendto(b"1", str(directory / name))
            except OSError as exc:
                if exc.errno == errno.ECONNREFUSED:  # left by a web worker that was killed while waiting
                    with contextlib.suppress(OSError):
                        (directory / name).unlink()
    finally:
        sender.close()


def verdict_announce(*, submission_id: int) -> None:
    """Tell any waiting web worker that this submission has its verdict (call after the commit)."""
    _wake_waiters(submission_id=submission_id)
    caches["shared"].set(_key(submission_id), 1, timeout=600)
    client = _redis()
    if client is not None:
        client.publish(_channel(client, submission_id), b"1")


@receiver(post_save, sender=Submission, dispatch_uid="challenges.verdict_announce")
def _on_submission_saved(sender: object, *, instance: Submission, **kwargs: Any) -> None:
    if not instance.is_pending:
        pk = instance.pk
        transaction.on_commit(lambda: verdict_announce(submission_id=pk))


def _graded(submission_id: int) -> bool:
    return not Submission.objects.filter(pk=submission_id).pending().exists()


def verdict_wait(*, submission_id: int, timeout: float = WAIT_SECONDS) -> bool:
    """Block until the submission is graded or the timeout passes; True when graded."""
    deadline = time.monotonic() + timeout
    client = _redis()
    if client is not None:
        with client.pubsub(ignore_subscribe_messages=True) as channel:
            channel.subscribe(_channel(client, submission_id))  # before the check: nothing falls between
            return _wait_until(
                submission_id=submission_id,
                deadline=deadline,
                woken=lambda left: channel.get_message(timeout=min(left, _RECHECK_DB_EVERY)) is not None,
            )
    shared = caches["shared"]

    def woken_locally(left: float, wake: socket.socket | None) -> bool:
        if wake is None:
            time.sleep(min(left, _CHECK_EVERY))
        elif select.select([wake], [], [], min(left, _CHECK_WITH_SOCKET))[0]:
            return True
        return shared.get(_key(submission_id)) is not None

    with _wake_socket(submission_id=submission_id) as wake:  # bound before the check: nothing falls between
        return _wait_until(
            submission_id=submission_id, deadline=deadline, woken=lambda left: woken_locally(left, wake)
        )


def _wait_until(*, submission_id: int, deadline: float, woken: Callable[[float], bool]) -> bool:
    """Wait on `woken(seconds_left)` (True: announced), re-reading the submission every `_RECHECK_DB_EVERY` seconds."""
    if _graded(submission_id):
        return True
    next_db_check = time.monotonic() + _RECHECK_DB_EVERY
    while (left := deadline - time.monotonic()) > 0:
        if woken(left):
            return True
        if time.monotonic() >= next_db_check:
            if _graded(submission_id):
                return True
            next_db_check = time.monotonic() + _RECHECK_DB_EVERY
    return _graded(submission_id)


def verdict_wait_after_create(*, submission_id: int) -> bool:
    """Wait, in the request that created it, up to `conf.submit_wait_seconds()` for this submission's verdict
    when a judge is alive (with none, answer at once: the pending fragment says so); True when graded."""
    wait = conf.submit_wait_seconds()
    if wait <= 0 or not judge_alive():
        return False
    with wait_slot() as free:
        return free and verdict_wait(submission_id=submission_id, timeout=wait)


@require_GET
def submission_wait(request: HttpRequest, pk: int) -> HttpResponse:
    """The result fragment, answered when the verdict is in (or after WAIT_SECONDS, still pending)."""
    from pyprep.challenges import progress
    from pyprep.challenges.views import result_response

    # Ownership first: a stranger gets the same 404 as from the result fragment, without waiting.
    session_ids = progress.runs_remembered(session=request.session)
    submission = selectors.submission_result_for_viewer(pk=pk, user=request.user, session_ids=session_ids)
    if not submission.is_pending:
        return result_response(request, submission)
    with wait_slot() as free:
        if free and verdict_wait(submission_id=pk, timeout=WAIT_SECONDS):
            submission = selectors.submission_result_for_viewer(
                pk=pk, user=request.user, session_ids=session_ids
            )
    # Every place to wait was taken: the pending box asks again a second later instead of at once.
    return result_response(request, submission, ask_again_after=0 if free else BUSY_RETRY_SECONDS)

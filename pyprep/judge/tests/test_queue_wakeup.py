"""On one machine an idle judge is woken by the job it is sent, instead of polling the queue file."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

from pyprep.judge.queue import WakeableSqliteStorage


def storage(tmp_path: Path, **options: Any) -> WakeableSqliteStorage:
    return WakeableSqliteStorage(name="q", filename=str(tmp_path / "q.db"), **options)


def dequeue_in_thread(
    judge: WakeableSqliteStorage,
) -> tuple[threading.Thread, list[tuple[bytes | None, float]]]:
    got: list[tuple[bytes | None, float]] = []
    thread = threading.Thread(target=lambda: got.append((judge.dequeue(), time.monotonic())), daemon=True)
    thread.start()
    return thread, got


def test_an_idle_judge_is_woken_by_a_job_queued_from_another_process_long_before_its_timeout(
    tmp_path: Path,
) -> None:
    judge = storage(tmp_path, read_timeout=30.0)
    web = storage(tmp_path)  # a web worker's own storage object on the same file
    assert judge.listen() is not None
    thread, got = dequeue_in_thread(judge)
    time.sleep(0.2)  # the judge is now blocked on its socket
    queued_at = time.monotonic()
    web.enqueue(b"job 1")
    thread.join(timeout=10)
    assert got, "the judge was not woken"
    data, woke_at = got[0]
    assert data == b"job 1"
    assert woke_at - queued_at < 5.0  # a wake-up, not the 30 s timeout
    judge.close_listener()


def test_an_empty_idle_wait_ends_after_the_read_timeout_with_nothing(tmp_path: Path) -> None:
    judge = storage(tmp_path, read_timeout=0.05)
    assert judge.dequeue() is None
    judge.close_listener()


def test_a_job_queued_while_no_judge_listens_is_found_in_the_file(tmp_path: Path) -> None:
    web = storage(tmp_path)
    web.enqueue(b"waiting")  # nobody bound the socket: the wake-up is lost, the job is not
    judge = storage(tmp_path, read_timeout=30.0)
    assert judge.dequeue() == b"waiting"
    judge.close_listener()


def test_a_second_judge_on_the_same_file_polls_and_still_gets_jobs(tmp_path: Path) -> None:
    first = storage(tmp_path)
    assert first.listen() is not None
    second = storage(tmp_path, read_timeout=30.0, poll_seconds=0.01)
    assert second.listen() is None
    assert second.dequeue() is None  # a short poll, not a 30 s wait
    storage(tmp_path).enqueue(b"for anyone")
    deadline = time.monotonic() + 10
    data = None
    while data is None and time.monotonic() < deadline:
        data = second.dequeue()
    assert data == b"for anyone"
    first.close_listener()


def test_the_socket_left_by_a_judge_that_died_is_taken_over(tmp_path: Path) -> None:
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    dead.bind(str(tmp_path / "q.db.wake"))
    dead.close()  # the file stays, nobody is bound: what a SIGKILLed judge leaves
    judge = storage(tmp_path, read_timeout=30.0)
    assert judge.listen() is not None
    thread, got = dequeue_in_thread(judge)
    time.sleep(0.2)
    storage(tmp_path).enqueue(b"after the restart")
    thread.join(timeout=10)
    assert got
    assert got[0][0] == b"after the restart"
    judge.close_listener()


def test_a_judge_stopping_while_a_worker_waits_removes_the_socket_without_breaking_the_wait(
    tmp_path: Path,
) -> None:
    judge = storage(tmp_path, read_timeout=0.5)
    assert judge.listen() is not None
    thread, got = dequeue_in_thread(judge)
    time.sleep(0.1)
    judge.close_listener()
    thread.join(timeout=10)
    assert got == [(None, got[0][1])]  # the wait ran out normally: no error from a closed descriptor
    assert not (tmp_path / "q.db.wake").exists()


def test_the_queue_file_is_written_without_an_fsync_per_job_unless_asked(tmp_path: Path) -> None:
    # synchronous=NORMAL (1) in WAL mode: no fsync per enqueue and dequeue; huey's own fsync option still wins.
    assert storage(tmp_path).conn.execute("pragma synchronous").fetchone() == (1,)
    full = WakeableSqliteStorage(name="q", filename=str(tmp_path / "full.db"), fsync=True)
    assert full.conn.execute("pragma synchronous").fetchone() == (2,)

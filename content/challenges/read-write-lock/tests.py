import sys
import threading
import time

from solution import RWLock


def _start(target):
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread


def _until(condition, limit=2.0):
    """Poll until `condition()` holds (another thread reached a point), at most `limit` seconds."""
    deadline = time.monotonic() + limit
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.001)
    return condition()


def test_readers_share_the_lock():
    lock = RWLock()
    got = [lock.acquire_read(timeout=0), lock.acquire_read(timeout=0)]
    during = [lock.readers, lock.acquire_write(timeout=0)]
    lock.release_read()
    lock.release_read()
    return [got, during, lock.readers, lock.acquire_write(timeout=0), lock.writer_active]


def test_a_writer_excludes_everyone():
    lock = RWLock()
    got = lock.acquire_write(timeout=0)
    during = [lock.acquire_read(timeout=0), lock.acquire_write(timeout=0.01), lock.writer_active, lock.readers]
    lock.release_write()
    return [got, during, lock.writer_active, lock.acquire_read(timeout=0)]


def test_a_writer_waits_for_every_reader():
    lock = RWLock()
    got = [lock.acquire_read(timeout=0.5), lock.acquire_read(timeout=0.5)]
    lock.release_read()
    one_left = lock.acquire_write(timeout=0)
    lock.release_read()
    return [got, one_left, lock.acquire_write(timeout=0), lock.waiting_writers]


def test_readers_really_run_at_the_same_time():
    lock = RWLock()
    barrier = threading.Barrier(2, timeout=1)
    outcomes = []

    def reader():
        with lock.read_locked():
            try:
                barrier.wait()
                outcomes.append("met")
            except threading.BrokenBarrierError:
                outcomes.append("alone")

    threads = [_start(reader), _start(reader)]
    for thread in threads:
        thread.join(3)
    return [outcomes, lock.readers]


def test_a_waiting_writer_keeps_new_readers_out():
    lock = RWLock()
    lock.acquire_read()
    events = []

    def writer():
        events.append(("writer got it", lock.acquire_write(timeout=2)))
        lock.release_write()

    thread = _start(writer)
    waiting = _until(lambda: lock.waiting_writers == 1)
    events.append(("new reader while a writer waits", lock.acquire_read(timeout=0.05)))
    lock.release_read()
    thread.join(3)
    events.append(("reader after the writer", lock.acquire_read(timeout=0)))
    return [waiting, events, lock.waiting_writers]


def test_a_writer_that_times_out_lets_waiting_readers_in_at_once():
    lock = RWLock()
    lock.acquire_read()
    reader_in = threading.Event()

    def writer():
        lock.acquire_write(timeout=0.5)

    def late_reader():
        if lock.acquire_read(timeout=10):
            reader_in.set()

    writer_thread = _start(writer)
    _until(lambda: lock.waiting_writers == 1)
    _start(late_reader)
    time.sleep(0.02)
    blocked_while_writer_waits = not reader_in.is_set()
    writer_thread.join(3)
    return [blocked_while_writer_waits, reader_in.wait(1.5), lock.waiting_writers, lock.writer_active]


def test_releasing_the_write_lock_wakes_a_blocked_reader():
    lock = RWLock()
    lock.acquire_write()
    reader_in = threading.Event()

    def reader():
        if lock.acquire_read(timeout=10):
            reader_in.set()

    _start(reader)
    time.sleep(0.02)
    before = reader_in.is_set()
    lock.release_write()
    return [before, reader_in.wait(1.5)]


def test_releasing_the_last_reader_wakes_a_blocked_writer():
    lock = RWLock()
    lock.acquire_read()
    writer_in = threading.Event()

    def writer():
        if lock.acquire_write(timeout=10):
            writer_in.set()

    _start(writer)
    _until(lambda: lock.waiting_writers == 1)
    before = writer_in.is_set()
    lock.release_read()
    return [before, writer_in.wait(1.5), lock.writer_active]


def test_releasing_the_write_lock_wakes_every_blocked_reader():
    lock = RWLock()
    lock.acquire_write()
    inside = []
    both = threading.Barrier(3, timeout=2)

    def reader():
        if lock.acquire_read(timeout=10):
            inside.append("in")
            try:
                both.wait()
            except threading.BrokenBarrierError:
                pass

    _start(reader)
    _start(reader)
    time.sleep(0.02)
    lock.release_write()
    try:
        both.wait()
        met = True
    except threading.BrokenBarrierError:
        met = False
    return [met, inside, lock.readers]


def test_a_writer_keeps_waiting_while_some_readers_remain():
    lock = RWLock()
    lock.acquire_read(timeout=0.5)
    lock.acquire_read(timeout=0.5)
    result = []
    writer_done = threading.Event()

    def writer():
        result.append(lock.acquire_write(timeout=5))
        writer_done.set()

    _start(writer)
    _until(lambda: lock.waiting_writers == 1)
    lock.release_read()
    early = writer_done.wait(0.05)
    lock.release_read()
    return [early, writer_done.wait(2), result, lock.writer_active]


def test_context_managers_release_even_on_error():
    lock = RWLock()
    seen = []
    with lock.read_locked():
        seen.append([lock.readers, lock.acquire_write(timeout=0)])
    try:
        with lock.write_locked():
            seen.append([lock.writer_active, lock.acquire_read(timeout=0)])
            raise KeyError("boom")
    except KeyError:
        seen.append("KeyError")
    seen.append([lock.readers, lock.writer_active, lock.acquire_write(timeout=0)])
    return seen


def test_releasing_what_you_do_not_hold_is_an_error():
    lock = RWLock()
    outcomes = []
    for release in (lock.release_read, lock.release_write):
        try:
            release()
            outcomes.append("allowed")
        except RuntimeError as exc:
            outcomes.append(str(exc))
    lock.acquire_read()
    try:
        lock.release_write()
    except RuntimeError:
        outcomes.append("not a writer")
    return [outcomes, lock.readers]


def test_writers_never_overlap_readers_or_each_other():
    lock = RWLock()
    state = {"readers": 0, "writers": 0, "bad": 0, "value": 0}

    def reader():
        for _ in range(200):
            with lock.read_locked():
                state["readers"] += 1
                if state["writers"]:
                    state["bad"] += 1
                state["readers"] -= 1

    def writer():
        for _ in range(200):
            with lock.write_locked():
                state["writers"] += 1
                if state["writers"] != 1 or state["readers"]:
                    state["bad"] += 1
                state["value"] += 1
                state["writers"] -= 1

    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        threads = [_start(reader) for _ in range(3)] + [_start(writer) for _ in range(2)]
        for thread in threads:
            thread.join(10)
    finally:
        sys.setswitchinterval(previous)
    return [state["bad"], state["value"], lock.readers, lock.writer_active]


def generate(rng, n):
    """Fresh single-thread sequences of non-blocking acquisitions and releases, wrong releases included."""
    actions = ["read", "read", "write", "release_read", "release_write", "state"]
    return [[rng.choice(actions) for _ in range(rng.randint(1, 25))] for _ in range(n)]


def check(case):
    lock = RWLock()
    seen = []
    for action in case:
        try:
            if action == "read":
                seen.append(lock.acquire_read(timeout=0))
            elif action == "write":
                seen.append(lock.acquire_write(timeout=0))
            elif action == "release_read":
                seen.append(lock.release_read())
            elif action == "release_write":
                seen.append(lock.release_write())
            else:
                seen.append([lock.readers, lock.writer_active, lock.waiting_writers])
        except RuntimeError:
            seen.append("RuntimeError")
    return seen

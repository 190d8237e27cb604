import sys
import threading
import time

from solution import BoundedQueue, Empty, Full


def test_fifo_order():
    q = BoundedQueue(3)
    for item in "abc":
        q.put(item)
    return [q.get(), q.get(), len(q), q.get()]


def test_put_times_out_when_full():
    q = BoundedQueue(1)
    q.put(1)
    try:
        q.put(2, timeout=0.05)
    except Full:
        return ["Full", len(q)]
    return ["accepted", len(q)]


def test_get_times_out_when_empty():
    q = BoundedQueue(2)
    started = time.monotonic()
    try:
        q.get(timeout=0.05)
    except Empty:
        return ["Empty", time.monotonic() - started < 1.0]
    return "got something"


def test_blocked_put_resumes_after_get():
    q = BoundedQueue(1)
    q.put("first")
    done = []
    producer = threading.Thread(target=lambda: (q.put("second"), done.append(True)))
    producer.start()
    time.sleep(0.05)
    blocked = not done
    got = q.get()
    producer.join(timeout=2)
    return [blocked, got, q.get(timeout=1), bool(done)]


def test_a_get_whose_item_was_taken_waits_for_the_next():
    """put() wakes a waiting get(), but another thread can take the item before that get() holds the lock
    again: the woken get() must wait for the next item, not give up. A 1 s switch interval keeps this thread
    running from its put to its own get, so it always takes the item first. A get that gave up leaves
    "second" in the queue, and the put of "third" then waits for room that never comes."""
    q = BoundedQueue(1)
    got = []

    def consume():
        try:
            got.append(["ok", q.get(timeout=5)])
        except Exception as exc:  # noqa: BLE001 - Empty, or whatever a broken queue raises
            got.append([type(exc).__name__])

    consumer = threading.Thread(target=consume)
    consumer.start()
    time.sleep(0.3)  # the consumer is waiting inside get() by now
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1.0)
    try:
        q.put("first")
        taken = q.get(timeout=0)
    finally:
        sys.setswitchinterval(interval)
    time.sleep(0.1)  # the woken consumer finds the queue empty
    q.put("second")
    q.put("third")
    consumer.join(timeout=5)
    return [taken, got, len(q)]


def test_producers_and_consumers_move_everything():
    q = BoundedQueue(4)
    received = []
    lock = threading.Lock()

    died = []

    def produce(base):
        try:
            for n in range(200):
                q.put(base + n)
        except Exception as exc:  # noqa: BLE001 - reported in the observation, in the candidate's words
            died.append(f"a producer thread died: {type(exc).__name__}: {exc}")

    def consume():
        try:
            for _ in range(200):
                item = q.get(timeout=5)
                with lock:
                    received.append(item)
        except Exception as exc:  # noqa: BLE001
            died.append(f"a consumer thread died: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=produce, args=(1000 * k,)) for k in range(3)]
    threads += [threading.Thread(target=consume) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    everything = sorted(received) == sorted(1000 * k + n for k in range(3) for n in range(200))
    return [sorted(died)[:1] or "no thread died", len(received), everything, len(q)]


def test_timeout_zero_does_not_block():
    q = BoundedQueue(1)
    outcomes = []
    for call in (lambda: q.get(timeout=0), lambda: q.put("a", timeout=0), lambda: q.put("b", timeout=0)):
        try:
            call()
            outcomes.append("ok")
        except (Full, Empty) as exc:
            outcomes.append(type(exc).__name__)
    return [outcomes, len(q), q.get(timeout=0)]


def _paused_just_after_unlocking(first, second, items=()):
    """`first` runs in a thread that pauses (for up to 0.5 s) right after it releases a lock; `second` runs
    meanwhile with timeout=0. A call that checked for room (or an item) and acted in one critical section
    is finished by then; one that checked under the lock and appended (or popped) after releasing it lets
    `second` act on the same room or item, every time. (A profile hook sees the lock's release.)"""
    released = threading.Event()
    resume = threading.Event()

    def hook(frame, event, arg):
        if event == "c_return" and not released.is_set() and getattr(arg, "__name__", "") in ("release", "__exit__"):
            if "lock" in type(getattr(arg, "__self__", None)).__name__.lower():
                released.set()
                resume.wait(0.5)

    q = BoundedQueue(1)
    for item in items:
        q.put(item, timeout=0)
    results = []

    def attempt(call):
        try:
            return ["ok", call(q)]
        except Exception as exc:  # Full, Empty, or whatever a broken queue raises
            return [type(exc).__name__]

    def target():
        sys.setprofile(hook)
        try:
            results.append(attempt(first))
        finally:
            sys.setprofile(None)

    thread = threading.Thread(target=target)
    thread.start()
    released.wait(2)  # at once when a lock is released; waits in vain only for a queue with no lock
    second_result = attempt(second)
    resume.set()
    thread.join()
    return [results[0], second_result, len(q)]


def test_a_put_checks_for_room_and_appends_in_one_critical_section():
    return _paused_just_after_unlocking(lambda q: q.put("a"), lambda q: q.put("b", timeout=0))


def test_a_get_checks_for_an_item_and_takes_it_in_one_critical_section():
    return _paused_just_after_unlocking(lambda q: q.get(), lambda q: q.get(timeout=0), items=["a"])


def test_capacity_must_be_positive():
    return BoundedQueue(0)


def generate(rng, n):
    """Fresh capacities and sequences of puts and gets, some of which would block (short timeouts)."""
    cases = []
    for _ in range(n):
        steps = [rng.choice(["put", "put", "get", "len"]) for _ in range(rng.randint(1, 14))]
        cases.append((rng.randint(1, 4), steps))
    return cases


def check(case):
    capacity, steps = case
    q = BoundedQueue(capacity)
    seen = []
    for index, step in enumerate(steps):
        if step == "put":
            try:
                q.put(index, timeout=0.001)
                seen.append("put")
            except Full:
                seen.append("Full")
        elif step == "get":
            try:
                seen.append(q.get(timeout=0.001))
            except Empty:
                seen.append("Empty")
        else:
            seen.append(len(q))
    return seen

import sys
import threading

from solution import AtomicCounter


def _run_threads(count, target):
    threads = [threading.Thread(target=target) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_single_thread():
    counter = AtomicCounter(10)
    return [counter.increment(), counter.increment(5), counter.decrement(3), counter.value]


def test_many_threads_lose_no_increments():
    counter = AtomicCounter()
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads as often as possible, to give races every chance
    try:
        _run_threads(4, lambda: [counter.increment() for _ in range(3000)])
    finally:
        sys.setswitchinterval(previous)
    return counter.value


def test_take_returns_and_resets():
    counter = AtomicCounter(7)
    return [counter.take(), counter.value, counter.take()]


def test_concurrent_take_loses_nothing():
    counter = AtomicCounter()
    taken = []
    lock = threading.Lock()

    def producer():
        for _ in range(2000):
            counter.increment(2)

    def consumer():
        for _ in range(300):
            got = counter.take()
            with lock:
                taken.append(got)

    threads = [threading.Thread(target=producer) for _ in range(4)]
    threads += [threading.Thread(target=consumer) for _ in range(2)]
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(previous)
    return sum(taken) + counter.value


def test_value_is_read_only():
    counter = AtomicCounter()
    try:
        counter.value = 5
    except AttributeError:
        return "read-only"
    return "writable"


def test_bad_step_is_rejected():
    counter = AtomicCounter()
    outcomes = []
    for bad in (-1, 1.5, "2", True):
        try:
            counter.increment(bad)
        except ValueError as exc:
            outcomes.append(str(exc))
    return [outcomes, counter.value]


def _while_one_call_is_inside(first, second):
    """Run `first` in a thread and hold it between reading and writing the count (its `+`/`-` pauses for up to
    0.1 s), call `second` meanwhile, then let `first` finish. With the lock, `second` waits for `first`; without
    it, `second` runs inside `first`'s read-modify-write and one of the two updates is lost, every time."""
    inside = threading.Event()
    resume = threading.Event()

    class PausingInt(int):
        def _pause(self):
            inside.set()
            resume.wait(0.1)

        def __add__(self, other):
            self._pause()
            return int(self) + other

        def __sub__(self, other):
            self._pause()
            return int(self) - other

    counter = AtomicCounter(PausingInt(5))
    results = []
    thread = threading.Thread(target=lambda: results.append(first(counter)))
    thread.start()
    inside.wait(1)
    second_result = second(counter)
    resume.set()
    thread.join()
    return [int(results[0]), int(second_result), int(counter.value)]


def test_an_increment_waits_for_a_concurrent_increment():
    return _while_one_call_is_inside(lambda c: c.increment(1), lambda c: c.increment(10))


def test_a_decrement_waits_for_a_concurrent_decrement():
    return _while_one_call_is_inside(lambda c: c.decrement(1), lambda c: c.decrement(2))


def test_take_waits_for_a_concurrent_increment():
    return _while_one_call_is_inside(lambda c: c.increment(2), lambda c: c.take())


def test_an_increment_waits_for_a_concurrent_take():
    return _while_one_call_is_inside(lambda c: c.decrement(2), lambda c: c.increment(4))


def _paused_just_after_unlocking(first, second):
    """Run `first` in a thread that pauses (for up to 0.5 s) right after it releases a lock, call `second`
    meanwhile, then let `first` finish. A call that read its result inside the lock returns its own update;
    one that reads the count after releasing the lock returns `second`'s update too, every time. (A profile
    hook sees the lock's `release`/`__exit__` return, whichever lock type the counter uses.)"""
    released = threading.Event()
    resume = threading.Event()

    def hook(frame, event, arg):
        if event == "c_return" and not released.is_set() and getattr(arg, "__name__", "") in ("release", "__exit__"):
            if "lock" in type(getattr(arg, "__self__", None)).__name__.lower():
                released.set()
                resume.wait(0.5)

    counter = AtomicCounter(5)
    results = []

    def target():
        sys.setprofile(hook)
        try:
            results.append(first(counter))
        finally:
            sys.setprofile(None)

    thread = threading.Thread(target=target)
    thread.start()
    released.wait(2)  # returns at once when a lock is released; waits in vain only for a counter with no lock
    second_result = second(counter)
    resume.set()
    thread.join()
    return [results[0], second_result, counter.value]


def test_increment_returns_its_own_new_value_under_concurrency():
    return _paused_just_after_unlocking(lambda c: c.increment(1), lambda c: c.increment(10))


def test_take_resets_before_it_releases_the_lock():
    # take() read under the lock and reset after it: the increment made meanwhile is wiped out
    return _paused_just_after_unlocking(lambda c: c.take(), lambda c: c.increment(3))


def test_decrement_returns_its_own_new_value_under_concurrency():
    return _paused_just_after_unlocking(lambda c: c.decrement(1), lambda c: c.decrement(2))


def test_default_steps_are_one():
    counter = AtomicCounter()
    return [counter.increment(), counter.increment(), counter.decrement(), counter.value]


def test_a_step_of_zero_is_allowed():
    counter = AtomicCounter(4)
    return [counter.increment(0), counter.decrement(0), counter.value]


def test_bad_decrement_is_rejected():
    counter = AtomicCounter(3)
    outcomes = []
    for bad in (-1, 2.5, None):
        try:
            counter.decrement(bad)
        except ValueError as exc:
            outcomes.append(str(exc))
    return [outcomes, counter.value]


def generate(rng, n):
    """Fresh starting values and sequences of increments, decrements, takes and invalid amounts."""
    cases = []
    for _ in range(n):
        steps = [(rng.choice(["increment", "decrement", "take", "value"]), rng.choice([0, 1, 2, 5, 13, -1])) for _ in range(rng.randint(1, 15))]
        cases.append((rng.randint(-5, 20), steps))
    return cases


def check(case):
    initial, steps = case
    counter = AtomicCounter(initial)
    seen = []
    for action, by in steps:
        try:
            if action == "take":
                seen.append(counter.take())
            elif action == "value":
                seen.append(counter.value)
            else:
                seen.append(getattr(counter, action)(by))
        except ValueError:
            seen.append("ValueError")
    return [seen, counter.value]

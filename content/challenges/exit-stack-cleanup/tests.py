from contextlib import contextmanager, suppress

from solution import CleanupStack


@contextmanager
def resource(name, log):
    log.append(f"open {name}")
    try:
        yield name.upper()
    finally:
        log.append(f"close {name}")


def observer(label, log, result=None):
    """An exit function that records which exception it was shown."""

    def exit_fn(exc_type, exc, tb):
        log.append(f"{label} saw {exc_type.__name__ if exc_type else None}")
        if exc is not None and tb is None:
            log.append(f"{label} got no traceback")
        return result

    return exit_fn


def raiser(error):
    def exit_fn(exc_type, exc, tb):
        raise error

    return exit_fn


def outcome(run):
    try:
        run()
    except BaseException as exc:
        chain = []
        link = exc.__context__
        while link is not None and len(chain) < 10:
            chain.append(f"{type(link).__name__}{link.args}")
            link = link.__context__
        return [f"{type(exc).__name__}{exc.args}", chain]
    return "no error"


def test_cleanups_run_last_in_first_out():
    log = []
    with CleanupStack() as stack:
        values = [stack.enter(resource("a", log)), stack.enter(resource("b", log))]
        stack.callback(log.append, "callback")
        log.append("body")
    return [values, log]


def test_every_exit_sees_the_exception_and_it_propagates():
    log = []

    def run():
        with CleanupStack() as stack:
            stack.push(observer("outer", log))
            stack.enter(resource("file", log))
            stack.push(observer("inner", log))
            raise KeyError("boom")

    return [outcome(run), log]


def test_a_suppressing_exit_hides_the_exception_from_outer_exits():
    log = []
    with CleanupStack() as stack:
        stack.push(observer("outer", log))
        stack.enter(suppress(KeyError))
        stack.push(observer("inner", log))
        raise KeyError("hidden")
    log.append("after the with")
    return log


def test_a_failing_cleanup_replaces_the_error_and_the_rest_still_run():
    log = []

    def run():
        with CleanupStack() as stack:
            stack.callback(log.append, "first registered, last run")
            stack.push(observer("middle", log))
            stack.push(raiser(ValueError("cleanup failed")))
            raise KeyError("body failed")

    return [outcome(run), log]


def test_a_cleanup_error_without_a_body_error_is_raised():
    log = []

    def run():
        with CleanupStack() as stack:
            stack.callback(log.append, "still runs")
            stack.push(raiser(OSError("disk")))
            stack.push(raiser(RuntimeError("net")))

    return [outcome(run), log]


def test_an_exit_that_re_raises_the_same_exception_makes_no_cycle():
    def reraise(exc_type, exc, tb):
        raise exc

    def run():
        with CleanupStack() as stack:
            stack.push(reraise)
            raise KeyError("same")

    return outcome(run)


def test_two_failing_cleanups_and_a_body_error_keep_the_whole_chain():
    def run():
        with CleanupStack() as stack:
            stack.push(raiser(OSError("outer")))
            stack.push(raiser(ValueError("inner")))
            raise KeyError("body")

    return outcome(run)


def test_a_cleanup_error_keeps_its_own_context_before_the_error_it_replaces():
    def translate(exc_type, exc, tb):
        try:
            {}["missing"]
        except KeyError:
            try:
                [][0]
            except IndexError:
                raise ValueError("cleanup failed")

    def with_body_error():
        with CleanupStack() as stack:
            stack.push(translate)
            raise RuntimeError("body failed")

    def after_another_failing_cleanup():
        with CleanupStack() as stack:
            stack.push(translate)
            stack.push(raiser(OSError("first cleanup")))
            raise RuntimeError("body failed")

    def without_body_error():
        with CleanupStack() as stack:
            stack.push(translate)

    return [outcome(with_body_error), outcome(after_another_failing_cleanup), outcome(without_body_error)]


def test_suppressing_a_cleanup_error_clears_it():
    log = []

    def run():
        with CleanupStack() as stack:
            stack.push(observer("outer", log))
            stack.enter(suppress(ValueError))
            stack.push(raiser(ValueError("cleanup")))
            raise KeyError("body")

    return [outcome(run), log]


def test_a_failing_enter_registers_nothing_but_earlier_cleanups_run():
    log = []

    class Broken:
        def __enter__(self):
            raise ConnectionError("refused")

        def __exit__(self, *exc):
            log.append("broken exit ran")

    def run():
        with CleanupStack() as stack:
            stack.enter(resource("first", log))
            stack.enter(Broken())
            log.append("unreachable")

    return [outcome(run), log]


def test_enter_needs_a_context_manager_looked_up_on_the_type():
    class Fake:
        pass

    fake = Fake()
    fake.__enter__ = lambda: "instance attribute"
    fake.__exit__ = lambda *exc: None
    stack = CleanupStack()
    outcomes = []
    for thing in (object(), fake):
        try:
            stack.enter(thing)
            outcomes.append("accepted")
        except TypeError:
            outcomes.append("TypeError")
    return outcomes


def test_callback_passes_arguments_and_returns_the_function():
    log = []

    def record(*args, **kwargs):
        log.append([list(args), kwargs])

    stack = CleanupStack()
    returned = stack.callback(record, 1, 2, fn="kw", self="also")
    stack.close()
    return [returned is record, log]


def test_push_returns_the_exit_function_and_a_truthy_callback_suppresses_nothing():
    stack = CleanupStack()
    exit_fn = observer("o", [])
    returned = stack.push(exit_fn)
    stack.callback(lambda: True)

    def run():
        with stack:
            raise KeyError("kept")

    return [returned is exit_fn, outcome(run)]


def test_close_runs_everything_once():
    log = []
    stack = CleanupStack()
    stack.callback(log.append, 1)
    stack.callback(log.append, 2)
    stack.close()
    stack.close()
    return log


def test_pop_all_moves_the_cleanups_to_a_new_stack():
    log = []
    with CleanupStack() as stack:
        stack.enter(resource("kept", log))
        stack.callback(log.append, "moved callback")
        moved = stack.pop_all()
    log.append("with ended")
    moved.close()
    return [type(moved).__name__, moved is stack, log]


def test_exit_returns_whether_the_exception_was_suppressed():
    results = []
    for suppressing in (False, True):
        stack = CleanupStack()
        stack.push(lambda *exc, s=suppressing: s)
        error = KeyError("x")
        results.append(stack.__exit__(KeyError, error, None))
    results.append(CleanupStack().__exit__(None, None, None))
    return results


def test_ten_thousand_cleanups_do_not_hit_the_recursion_limit():
    log = []
    with CleanupStack() as stack:
        for n in range(10_000):
            stack.callback(log.append, n)
    return [len(log), log[:3], log[-1]]


def generate(rng, n):
    """Fresh stacks of recording, suppressing and failing exits, with and without an error in the body."""
    kinds = ["callback", "observe", "observe", "suppress", "raise"]
    cases = []
    for _ in range(n):
        exits = [(rng.choice(kinds), rng.randint(0, 9)) for _ in range(rng.randint(0, 8))]
        cases.append((exits, rng.choice([None, "KeyError", "ValueError"])))
    return cases


def check(case):
    exits, body_error = case
    log = []

    def run():
        with CleanupStack() as stack:
            for kind, number in exits:
                if kind == "callback":
                    stack.callback(log.append, number)
                elif kind == "observe":
                    stack.push(observer(f"o{number}", log))
                elif kind == "suppress":
                    stack.push(observer(f"s{number}", log, result=True))
                else:
                    stack.push(raiser(ValueError(number)))
            if body_error == "KeyError":
                raise KeyError("body")
            if body_error == "ValueError":
                raise ValueError("body")

    return [outcome(run), log]

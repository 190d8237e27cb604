from solution import ignoring


def outcome(body, manager):
    try:
        with manager as entered:
            body()
        return ["finished", entered is manager]
    except BaseException as exc:
        return ["raised", type(exc).__name__]


def fail(error):
    def body():
        raise error

    return body


def test_a_listed_exception_is_swallowed():
    data = {}
    with ignoring(KeyError) as ig:
        data["missing"]
    return [type(ig.exception).__name__, ig.exception.args, ig.count]


def test_other_exceptions_propagate():
    return [outcome(fail(ValueError("v")), ignoring(KeyError)), outcome(fail(KeyError("k")), ignoring(KeyError))]


def test_subclasses_are_swallowed_too():
    ig = ignoring(LookupError)
    return [outcome(fail(KeyError("k")), ig), outcome(fail(IndexError(0)), ig), ig.count, type(ig.exception).__name__]


def test_several_types_can_be_listed():
    ig = ignoring(KeyError, ZeroDivisionError)
    return [outcome(lambda: 1 / 0, ig), outcome(fail(KeyError()), ig), outcome(fail(TypeError()), ig), ig.count]


def test_no_exception_means_no_record():
    ig = ignoring(KeyError)
    result = outcome(lambda: None, ig)
    return [result, ig.exception, ig.count]


def test_reuse_resets_the_exception_but_keeps_counting():
    ig = ignoring(KeyError)
    with ig:
        raise KeyError("first")
    first = ig.exception.args
    with ig:
        pass
    after_clean_run = ig.exception
    with ig:
        raise KeyError("third")
    return [first, after_clean_run, ig.exception.args, ig.count]


def test_a_new_manager_has_no_exception_yet():
    ig = ignoring(KeyError)
    return [ig.exception, ig.count]


def test_listing_nothing_swallows_nothing():
    return outcome(fail(KeyError()), ignoring())


def test_keyboard_interrupt_is_not_an_exception():
    return [outcome(fail(KeyboardInterrupt()), ignoring(Exception)), outcome(fail(SystemExit(2)), ignoring(BaseException))]


def test_arguments_must_be_exception_classes():
    outcomes = []
    for bad in ([KeyError(), "KeyError"], [int], [None], [(KeyError, ValueError)]):
        try:
            ignoring(*bad)
            outcomes.append("accepted")
        except TypeError:
            outcomes.append("TypeError")
    return outcomes


def test_exit_returns_true_only_when_swallowing():
    ig = ignoring(KeyError)
    return [ig.__exit__(KeyError, KeyError("x"), None), ig.__exit__(ValueError, ValueError("x"), None), ig.__exit__(None, None, None), ig.count]


def test_the_code_after_the_error_does_not_run():
    log = []
    with ignoring(ValueError):
        log.append("before")
        int("not a number")
        log.append("after")
    log.append("after the with")
    return log


def generate(rng, n):
    """Fresh lists of exception types to ignore and sequences of bodies that raise or not."""
    kinds = [KeyError, IndexError, LookupError, ValueError, TypeError, ZeroDivisionError, ArithmeticError]
    cases = []
    for _ in range(n):
        listed = rng.sample(range(len(kinds)), rng.randint(0, 3))
        raised = [rng.choice([None] + list(range(len(kinds)))) for _ in range(rng.randint(1, 6))]
        cases.append((listed, raised))
    return cases


def check(case):
    kinds = [KeyError, IndexError, LookupError, ValueError, TypeError, ZeroDivisionError, ArithmeticError]
    listed, raised = case
    ig = ignoring(*[kinds[i] for i in listed])
    seen = []
    for index in raised:
        body = (lambda: None) if index is None else fail(kinds[index](index))
        seen.append(outcome(body, ig))
        seen.append([None if ig.exception is None else ig.exception.args, ig.count])
    return seen

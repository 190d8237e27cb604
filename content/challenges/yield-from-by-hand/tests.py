import ast

import solution
from solution import delegate


class Stop(BaseException):
    """Not an Exception: like KeyboardInterrupt, it must be forwarded too."""


def recorder(log, plan):
    """A sub-generator that reports what reaches it: sent values, thrown exceptions and its own end."""
    try:
        for item in plan:
            try:
                got = yield item
                log.append(["got", got])
            except ValueError as exc:
                log.append(["caught", str(exc)])
            except KeyError:
                return "stopped by KeyError"
            except Stop:
                log.append(["caught Stop"])
        return f"done after {len(plan)}"
    finally:
        log.append("finally")


def drive(gen, ops):
    """Apply next/send/throw/close to a generator and describe each outcome."""
    seen = []
    for op in ops:
        try:
            if op == "next":
                seen.append(["yielded", next(gen)])
            elif op == "close":
                seen.append(["closed", gen.close()])
            elif isinstance(op, tuple) and op[0] == "send":
                seen.append(["yielded", gen.send(op[1])])
            else:
                seen.append(["yielded", gen.throw(op)])
        except StopIteration as stop:
            seen.append(["returned", stop.value])
        except (Exception, Stop) as exc:
            seen.append([type(exc).__name__, str(exc)])
    return seen


def test_yields_what_the_inner_generator_yields_and_returns_its_value():
    log = []
    return [drive(delegate(recorder(log, [1, 2])), ["next", "next", "next", "next"]), log]


def test_sent_values_reach_the_inner_generator():
    log = []
    gen = delegate(recorder(log, ["a", "b", "c"]))
    return [drive(gen, ["next", ("send", 10), ("send", None), ("send", 30)]), log]


def test_any_iterable_can_be_delegated_to():
    def collect(iterable):
        gen = delegate(iterable)
        return drive(gen, ["next"] * (len(iterable) + 1))

    return [collect([1, 2]), collect("xy"), collect(range(3)), collect({"k": 1})]


def test_sending_a_value_to_a_plain_iterator_is_an_attribute_error():
    gen = delegate([1, 2, 3])
    return drive(gen, ["next", ("send", None), ("send", 5)])


def test_an_exception_the_inner_generator_handles_is_forwarded_to_it():
    log = []
    gen = delegate(recorder(log, [1, 2, 3]))
    return [drive(gen, ["next", ValueError("bad"), "next"]), log]


def test_an_exception_the_inner_generator_does_not_handle_comes_back_out():
    log = []
    gen = delegate(recorder(log, [1, 2, 3]))
    return [drive(gen, ["next", TypeError("nope"), "next"]), log]


def test_an_exception_that_makes_the_inner_generator_return_ends_the_delegation_with_its_value():
    log = []
    gen = delegate(recorder(log, [1, 2, 3]))
    return [drive(gen, ["next", KeyError("k"), "next"]), log]


def test_a_base_exception_is_forwarded_too():
    log = []
    gen = delegate(recorder(log, [1, 2]))
    return [drive(gen, ["next", Stop(), "next", "next"]), log]


def test_throwing_into_a_plain_iterator_raises_in_the_delegator():
    items = iter([1, 2, 3])
    gen = delegate(items)
    return [drive(gen, ["next", ValueError("x"), "next"]), next(items)]


def test_close_closes_the_inner_generator_first():
    log = []
    gen = delegate(recorder(log, [1, 2, 3]))
    outcome = drive(gen, ["next", "close", "next"])
    return [outcome, log]


def test_closing_an_inner_generator_that_keeps_yielding_is_a_runtime_error():
    log = []

    def stubborn():
        try:
            yield "still here"
        except GeneratorExit:
            log.append("ignored GeneratorExit")
        yield "one more"  # then it is garbage: a later close() finishes it quietly

    gen = delegate(stubborn())
    return [drive(gen, ["next", "close"]), log]


def test_closing_a_plain_iterator_delegation_just_stops():
    items = iter([1, 2, 3])
    gen = delegate(items)
    return [drive(gen, ["next", "close", "next"]), next(items)]


def test_closing_before_the_start_touches_nothing():
    log = []
    inner = recorder(log, [1])
    gen = delegate(inner)
    outcome = drive(gen, ["close", "next"])
    return [outcome, log, drive(inner, ["next"])]


def test_an_error_inside_the_inner_generator_propagates():
    def failing():
        yield 1
        raise LookupError("inner failed")

    return drive(delegate(failing()), ["next", "next", "next"])


def test_an_inner_generator_that_returns_at_once():
    def immediate():
        return "nothing to yield"
        yield

    return [drive(delegate(immediate()), ["next", "next"]), drive(delegate([]), ["next"])]


def test_iter_is_called_when_the_delegator_starts():
    gen = delegate(42)
    return drive(gen, ["next", "next"])


def test_two_levels_of_delegation_forward_everything():
    log = []
    gen = delegate(delegate(recorder(log, [1, 2, 3, 4])))
    return [drive(gen, ["next", ("send", "s"), ValueError("v"), KeyError("k"), "next"]), log]


def test_the_result_works_inside_a_real_yield_from():
    log = []

    def outer():
        result = yield from delegate(recorder(log, ["a"]))
        yield ["inner returned", result]
        return "outer done"

    return [drive(outer(), ["next", ("send", "hi"), "next"]), log]


def test_the_solution_does_not_use_yield_from():
    with open(solution.__file__) as source:
        tree = ast.parse(source.read())
    return [type(node).__name__ for node in ast.walk(tree) if isinstance(node, (ast.YieldFrom, ast.Await))]


def generate(rng, n):
    """Fresh plans for the inner generator and fresh sequences of next, send, throw and close."""
    cases = []
    for _ in range(n):
        plan = [rng.randint(0, 99) for _ in range(rng.randint(0, 5))]
        ops = [["next", 0]] if rng.random() < 0.8 else []
        for _ in range(rng.randint(1, 9)):
            kind = rng.choice(["next", "next", "send", "send", "ValueError", "KeyError", "TypeError", "Stop", "close"])
            ops.append([kind, rng.randint(0, 9)])
        cases.append((plan, ops, rng.random() < 0.3))
    return cases


def check(case):
    plan, ops, plain = case
    log = []
    inner = iter(list(plan)) if plain else recorder(log, list(plan))
    made = {"ValueError": ValueError, "KeyError": KeyError, "TypeError": TypeError, "Stop": Stop}
    actions = []
    for kind, number in ops:
        if kind == "send":
            actions.append(("send", number))
        elif kind in made:
            actions.append(made[kind](str(number)))
        else:
            actions.append(kind)
    return [drive(delegate(inner), actions), log]

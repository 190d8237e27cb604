import gc
import weakref

from solution import Emitter


class Widget:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def changed(self, value):
        self.log.append([self.name, value])

    def other(self, value):
        self.log.append([self.name + ".other", value])


def _collect():
    gc.collect()


def test_listeners_are_called_in_order_with_the_arguments():
    log = []
    emitter = Emitter()

    def first(value, *, unit="m"):
        log.append(["first", value, unit])

    def second(value, *, unit="m"):
        log.append(["second", value, unit])

    emitter.on("moved", first)
    emitter.on("moved", second)
    return [emitter.emit("moved", 3, unit="km"), log]


def test_a_bound_method_does_not_keep_its_object_alive():
    log = []
    emitter = Emitter()
    widget = Widget("w", log)
    emitter.on("changed", widget.changed)
    alive = weakref.ref(widget)
    del widget
    _collect()
    return [alive() is None, emitter.count("changed"), emitter.emit("changed", 1), log]


def test_a_bound_method_is_called_while_its_object_lives():
    log = []
    emitter = Emitter()
    widget = Widget("w", log)
    emitter.on("changed", widget.changed)
    _collect()
    return [emitter.emit("changed", 5), emitter.count("changed"), log]


def test_a_listener_is_dropped_as_soon_as_its_object_dies():
    log = []
    emitter = Emitter()
    keep, drop = Widget("keep", log), Widget("drop", log)
    emitter.on("changed", drop.changed)
    emitter.on("changed", keep.changed)
    del drop  # no gc.collect(): on CPython the last reference going away frees the object at once
    return [emitter.count("changed"), emitter.emit("changed", 2), log]


def test_functions_and_lambdas_are_held_strongly():
    log = []
    emitter = Emitter()
    emitter.on("tick", lambda n: log.append(["lambda", n]))

    def make():
        def local(n):
            log.append(["local", n])

        return local

    emitter.on("tick", make())
    _collect()
    return [emitter.count("tick"), emitter.emit("tick", 7), log]


def test_a_callable_object_is_held_strongly():
    log = []
    emitter = Emitter()

    class Handler:
        def __call__(self, value):
            log.append(value)

    handler = Handler()
    alive = weakref.ref(handler)
    emitter.on("x", handler)
    del handler
    _collect()
    return [alive() is not None, emitter.emit("x", "called"), log]


def test_registering_the_same_listener_twice_calls_it_once():
    log = []
    emitter = Emitter()
    widget = Widget("w", log)

    def plain(value):
        log.append(["plain", value])

    emitter.on("e", widget.changed)
    emitter.on("e", widget.changed)  # a new bound-method object, equal to the first
    emitter.on("e", plain)
    emitter.on("e", plain)
    return [emitter.count("e"), emitter.emit("e", 1), log]


def test_two_methods_or_two_objects_are_different_listeners():
    log = []
    emitter = Emitter()
    a, b = Widget("a", log), Widget("b", log)
    emitter.on("e", a.changed)
    emitter.on("e", b.changed)
    emitter.on("e", a.other)
    return [emitter.count("e"), emitter.emit("e", 0), log]


def test_off_removes_a_listener_and_says_whether_it_was_there():
    log = []
    emitter = Emitter()
    widget = Widget("w", log)

    def plain(value):
        log.append(["plain", value])

    emitter.on("e", widget.changed)
    emitter.on("e", plain)
    removed = [emitter.off("e", widget.changed), emitter.off("e", widget.changed), emitter.off("nope", plain)]
    return [removed, emitter.count("e"), emitter.emit("e", 9), log]


def test_events_are_independent():
    log = []
    emitter = Emitter()
    emitter.on("a", lambda v: log.append(["a", v]))
    emitter.on("b", lambda v: log.append(["b", v]))
    return [emitter.emit("a", 1), emitter.emit("c", 2), emitter.count("c"), emitter.emit("b", 3), log]


def test_a_listener_added_during_emit_runs_from_the_next_emit():
    log = []
    emitter = Emitter()

    def late(value):
        log.append(["late", value])

    def adder(value):
        log.append(["adder", value])
        emitter.on("e", late)

    emitter.on("e", adder)
    return [emitter.emit("e", 1), emitter.emit("e", 2), log]


def test_an_object_that_dies_during_emit_is_skipped():
    log = []
    emitter = Emitter()
    holder = [Widget("doomed", log)]

    def killer(value):
        log.append(["killer", value])
        holder.clear()

    emitter.on("e", killer)
    emitter.on("e", holder[0].changed)
    called = emitter.emit("e", 1)
    _collect()
    return [called, emitter.count("e"), log]


def test_an_exception_from_a_listener_reaches_the_caller():
    log = []
    emitter = Emitter()

    def boom(value):
        raise RuntimeError(value)

    emitter.on("e", lambda v: log.append(["before", v]))
    emitter.on("e", boom)
    emitter.on("e", lambda v: log.append(["after", v]))
    try:
        emitter.emit("e", "x")
    except RuntimeError as exc:
        log.append(["raised", str(exc)])
    return log


def test_a_listener_must_be_callable():
    emitter = Emitter()
    try:
        emitter.on("e", 42)
    except TypeError:
        return ["TypeError", emitter.count("e")]
    return "accepted"


def test_a_listener_that_outlives_its_emitter_does_not_fail():
    log = []
    emitter = Emitter()
    widget = Widget("w", log)
    emitter.on("e", widget.changed)
    del emitter
    _collect()
    del widget  # its weak reference's callback runs now and must cope with the emitter being gone
    _collect()
    return log


def test_many_short_lived_objects_leave_nothing_behind():
    log = []
    emitter = Emitter()
    survivors = []
    for n in range(400):
        widget = Widget(str(n), log)
        emitter.on("e", widget.changed)
        if n % 100 == 0:
            survivors.append(widget)
    del widget
    _collect()
    return [emitter.count("e"), emitter.emit("e", "!"), log]


def _weak_references():
    return sum(1 for thing in gc.get_objects() if isinstance(thing, weakref.ref))


def test_dead_listeners_do_not_pile_up_inside_the_emitter():
    log = []
    emitter = Emitter()
    keeper = Widget("keeper", log)
    emitter.on("e", keeper.changed)
    emitter.on("f", keeper.changed)
    _collect()
    before = _weak_references()
    for n in range(300):
        widget = Widget(str(n), log)
        emitter.on("e" if n % 2 else "f", widget.changed)
        del widget
    _collect()
    grown = _weak_references() - before
    return [grown < 10, emitter.count("e"), emitter.count("f"), emitter.emit("e", 1), log]


def generate(rng, n):
    """Fresh sequences of registering methods and functions, removing them, dropping objects and emitting."""
    cases = []
    for _ in range(n):
        steps = []
        for _ in range(rng.randint(1, 20)):
            steps.append((rng.choice(["on", "on", "on", "off", "drop", "emit", "emit", "count"]), rng.randint(0, 3), rng.choice("ab")))
        cases.append(steps)
    return cases


def check(case):
    log = []
    emitter = Emitter()
    widgets = {index: Widget(f"w{index}", log) for index in range(3)}

    def plain(value):
        log.append(["plain", value])

    seen = []
    for step, (action, who, event) in enumerate(case):
        if who == 3:
            listener = plain
        elif who in widgets:
            listener = widgets[who].changed
        else:
            continue  # that widget was dropped
        if action == "on":
            emitter.on(event, listener)
        elif action == "off":
            seen.append(emitter.off(event, listener))
        elif action == "drop":
            if who != 3:
                del widgets[who]
        elif action == "emit":
            seen.append(emitter.emit(event, step))
        else:
            seen.append(emitter.count(event))
        del listener
    return [seen, log, emitter.count("a"), emitter.count("b")]

from solution import cached_attribute


class Report:
    computed = 0

    def __init__(self, rows):
        self.rows = rows

    @cached_attribute
    def total(self):
        """The sum of all rows."""
        Report.computed += 1
        return sum(self.rows)


def fresh_report(rows):
    Report.computed = 0
    return Report(rows)


def test_computed_once_per_instance():
    report = fresh_report([1, 2, 3])
    values = [report.total, report.total, report.total]
    return [values, Report.computed]


def test_each_instance_has_its_own_value():
    first = fresh_report([1])
    second = Report([10, 20])
    return [first.total, second.total, first.total, Report.computed]


def test_the_value_lives_in_the_instance_dict():
    report = fresh_report([4, 5])
    before = "total" in vars(report)
    report.total
    return [before, vars(report).get("total")]


def test_deleting_the_attribute_recomputes_it():
    report = fresh_report([1, 2])
    report.total
    report.rows.append(3)
    del report.total
    return [report.total, Report.computed]


def test_assignment_overrides_the_cached_value():
    report = fresh_report([1, 2])
    report.total = 100
    value = report.total
    del report.total
    return [value, report.total, Report.computed]


def test_class_access_returns_the_descriptor_with_the_docstring():
    descriptor = Report.total
    return [type(descriptor).__name__, descriptor.__doc__, descriptor.name]


def test_an_exception_is_not_cached():
    class Flaky:
        calls = 0

        @cached_attribute
        def value(self):
            Flaky.calls += 1
            if Flaky.calls == 1:
                raise ConnectionError("first call fails")
            return "ok"

    thing = Flaky()
    try:
        thing.value
        first = "no error"
    except ConnectionError:
        first = "ConnectionError"
    return [first, thing.value, thing.value, Flaky.calls]


def test_falsy_values_are_cached_too():
    class Empty:
        calls = 0

        @cached_attribute
        def items(self):
            Empty.calls += 1
            return None

    thing = Empty()
    return [thing.items, thing.items, Empty.calls]


def test_slots_without_dict_are_refused():
    class Point:
        __slots__ = ("x",)

        def __init__(self):
            self.x = 1

        @cached_attribute
        def double(self):
            return self.x * 2

    try:
        return Point().double
    except TypeError as exc:
        return ["TypeError", str(exc)]


def test_one_descriptor_under_two_names_is_refused():
    shared = cached_attribute(lambda self: 1)
    try:

        class Twice:
            a = shared
            b = shared

    except (TypeError, RuntimeError) as exc:
        cause = exc.__cause__ or exc  # Python 3.11 wraps errors from __set_name__ in RuntimeError
        return [type(cause).__name__, str(cause)]
    return "accepted"


def test_the_same_name_twice_is_fine_and_used_outside_a_class_is_refused():
    shared = cached_attribute(lambda self: "same")

    class Base:
        a = shared

    class Again:
        a = shared

    loose = cached_attribute(lambda self: 1)
    try:
        loose.__get__(Base(), Base)
        outcome = "accepted"
    except TypeError:
        outcome = "TypeError"
    return [Base().a, Again().a, outcome]


def test_subclasses_inherit_the_cache():
    class Detailed(Report):
        pass

    Report.computed = 0
    detailed = Detailed([5, 5])
    return [detailed.total, detailed.total, Report.computed, "total" in vars(detailed)]


def test_a_hundred_thousand_reads_compute_once():
    report = fresh_report(list(range(1000)))
    total = 0
    for _ in range(100_000):
        total += report.total
    return [total, Report.computed]


def generate(rng, n):
    """Fresh sequences of reads, deletions, assignments and row changes on two instances."""
    cases = []
    for _ in range(n):
        steps = [(rng.choice(["read", "read", "del", "set", "append"]), rng.randint(0, 1), rng.randint(-5, 5)) for _ in range(rng.randint(1, 15))]
        cases.append(steps)
    return cases


def check(case):
    Report.computed = 0
    reports = [Report([1]), Report([2, 3])]
    seen = []
    for action, which, number in case:
        report = reports[which]
        if action == "read":
            seen.append(report.total)
        elif action == "del":
            try:
                del report.total
                seen.append("deleted")
            except AttributeError:
                seen.append("AttributeError")
        elif action == "set":
            report.total = number
        else:
            report.rows.append(number)
    return [seen, Report.computed]

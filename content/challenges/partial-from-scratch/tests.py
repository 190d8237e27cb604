from solution import Partial, make_handlers


def record(*args, **keywords):
    return [list(args), sorted(keywords.items())]


def test_fixes_the_first_arguments():
    square_of_two = Partial(pow, 2)
    from_binary = Partial(int, base=2)
    return [square_of_two(10), from_binary("101"), from_binary("11", base=10)]


def test_stored_arguments_come_first():
    return Partial(record, 1, 2, a="x")(3, 4, b="y")


def test_call_keywords_override_stored_ones():
    add = Partial(record, a=1, b=2)
    return [add(a=10), add(), add(b=20, c=30), add.keywords]


def test_calls_never_change_what_is_stored():
    bound = Partial(record, 0, mode="fast")
    first = bound(1, extra=True)
    second = bound(mode="slow")
    third = bound()
    return [first, second, third, list(bound.args), sorted(bound.keywords.items())]


def test_attributes_like_functools_partial():
    bound = Partial(record, 1, 2, key="v")
    empty = Partial(record)
    return [
        bound.func is record,
        type(bound.args).__name__,
        list(bound.args),
        type(bound.keywords).__name__,
        sorted(bound.keywords.items()),
        [empty.args == (), empty.keywords == {}, empty()],
    ]


def test_a_partial_of_a_partial_is_flattened():
    inner = Partial(record, 1, a=1, b=1)
    outer = Partial(inner, 2, b=2, c=2)
    return [
        outer.func is record,
        list(outer.args),
        sorted(outer.keywords.items()),
        outer(3, c=3),
        list(inner.args),
        sorted(inner.keywords.items()),
    ]


def test_three_levels():
    level = Partial(record, 1)
    for n in (2, 3):
        level = Partial(level, n, **{f"k{n}": n})
    return [level.func is record, list(level.args), level(4)]


def test_keywords_named_func_and_self_are_allowed():
    bound = Partial(dict, func=1, self=2)
    return [bound(), bound(self=3), Partial(record)(func="f")]


def test_not_callable_is_refused():
    return Partial(42)


def test_the_callers_dict_is_not_shared():
    options = {"a": 1}
    bound = Partial(record, **options)
    options["a"] = 99
    options["b"] = 2
    return bound()


def test_handlers_call_with_their_own_action():
    calls = []

    def handle(action):
        calls.append(action)
        return action.upper()

    handlers = make_handlers(["open", "save", "quit"], handle)
    results = [handlers["save"](), handlers["open"](), handlers["quit"](), handlers["save"]()]
    return [list(handlers), results, calls]


def test_handlers_are_made_lazily_and_for_any_iterable():
    calls = []
    handlers = make_handlers((name for name in ("a", "b")), calls.append)
    before = list(calls)
    handlers["b"]()
    return [before, calls, list(handlers), make_handlers([], calls.append)]


def generate(rng, n):
    """Fresh stored and call-time arguments, overlapping keyword names, nesting and repeated calls."""
    cases = []
    for _ in range(n):
        levels = []
        for _ in range(rng.randint(1, 3)):
            args = [rng.randint(0, 9) for _ in range(rng.randint(0, 2))]
            keywords = {name: rng.randint(0, 9) for name in rng.sample("abc", rng.randint(0, 2))}
            levels.append((args, keywords))
        calls = []
        for _ in range(rng.randint(1, 3)):
            args = [rng.randint(10, 19) for _ in range(rng.randint(0, 2))]
            keywords = {name: rng.randint(10, 19) for name in rng.sample("abcd", rng.randint(0, 2))}
            calls.append((args, keywords))
        cases.append((levels, calls))
    return cases


def check(case):
    levels, calls = case
    bound = record
    for args, keywords in levels:
        bound = Partial(bound, *args, **keywords)
    results = [bound(*args, **keywords) for args, keywords in calls]
    return [results, bound.func is record, list(bound.args), sorted(bound.keywords.items())]

from solution import memoize


def _counted():
    calls = []

    @memoize
    def area(width, height=1):
        """Area of a rectangle."""
        calls.append((width, height))
        return width * height

    return area, calls


def test_second_call_is_cached():
    area, calls = _counted()
    return [area(3, 4), area(3, 4), len(calls)]


def test_name_and_doc_survive():
    area, _ = _counted()
    return [area.__name__, area.__doc__, getattr(area, "__wrapped__", None) is not None]


def test_keyword_arguments_are_part_of_the_key():
    area, calls = _counted()
    return [area(2, height=5), area(2, height=7), area(2, height=5), len(calls)]


def test_cache_clear_forgets():
    area, calls = _counted()
    area(1)
    area.cache_clear()
    area(1)
    return len(calls)


def test_exceptions_are_not_cached():
    attempts = []

    @memoize
    def flaky(x):
        attempts.append(x)
        if len(attempts) == 1:
            raise ValueError("first call fails")
        return x * 10

    outcomes = []
    for _ in range(3):
        try:
            outcomes.append(flaky(7))
        except ValueError as exc:
            outcomes.append(str(exc))
    return [outcomes, len(attempts)]


def test_a_none_or_falsy_result_is_stored_too():
    calls = []

    @memoize
    def lookup(key):
        calls.append(key)
        return {"none": None, "zero": 0, "empty": "", "false": False}[key]

    first = [lookup(key) for key in ("none", "zero", "empty", "false")]
    again = [lookup(key) for key in ("none", "zero", "empty", "false")]
    return [first, again, calls]


def test_recursive_function_becomes_fast():
    @memoize
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    return fib(90)


def generate(rng, n):
    """Fresh sequences of calls, positional and keyword, many of them repeats, with cache clears."""
    cases = []
    for _ in range(n):
        steps = []
        for _ in range(rng.randint(1, 15)):
            roll = rng.random()
            width, height = rng.randint(0, 4), rng.randint(1, 3)
            if roll < 0.1:
                steps.append(("clear", 0, 0))
            elif roll < 0.5:
                steps.append(("keyword", width, height))
            else:
                steps.append(("positional", width, height))
        cases.append(steps)
    return cases


def check(case):
    area, calls = _counted()
    falsy_calls = []

    @memoize
    def falsy(x):
        falsy_calls.append(x)
        return [None, 0, "", False][x % 4]

    seen = []
    for style, width, height in case:
        if style == "clear":
            area.cache_clear()
            falsy.cache_clear()
            seen.append("clear")
            continue
        seen.append(falsy(width))
        if style == "keyword":
            seen.append(area(width, height=height))
        else:
            seen.append(area(width, height))
    return [seen, len(calls), len(falsy_calls)]

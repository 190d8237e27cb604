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


def test_recursive_function_becomes_fast():
    @memoize
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    return fib(90)

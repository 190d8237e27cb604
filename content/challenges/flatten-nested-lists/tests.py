from solution import flatten


def test_two_levels():
    return flatten([1, [2, 3], 4])


def test_strings_stay_whole():
    return flatten(["ab", ["cd", ("e",)]])


def test_deep_nesting():
    return flatten([1, [2, (3, [4, [5, [6]]])], 7])


def test_empty_containers_vanish():
    return flatten([[], (), [[], [()]], 8])


def test_other_values_are_not_opened():
    flat = flatten([{"k": 1}, b"xy", [None, {3}, 2.5]])
    return [repr(value) for value in flat]


def test_input_is_not_changed():
    data = [1, [2, [3]]]
    flatten(data)
    return data


def test_three_hundred_levels():
    data = [0]
    for level in range(1, 300):
        data = [level, data]
    return flatten(data)[-5:]


def test_a_flat_input_gives_a_new_list():
    flat = [1, 2, 3]
    result = flatten(flat)
    result.append(4)
    from_tuple = flatten((1, (2,)))
    return [result is flat, flat, type(result).__name__, type(from_tuple).__name__]


def test_an_empty_input_gives_a_new_list():
    empty = []
    result = flatten(empty)
    result.append(1)
    from_tuple = flatten(())
    return [result is empty, empty, type(result).__name__, type(from_tuple).__name__, from_tuple]


def test_a_nested_input_is_not_changed_and_not_returned():
    inner = [1, [2]]
    items = [inner, (3,), []]
    result = flatten(items)
    return [result is items, result is inner, items, type(result).__name__]


def generate(rng, n):
    """Fresh nestings of lists and tuples holding numbers and strings, a few levels deep."""

    def nested(depth):
        items = []
        for _ in range(rng.randint(0, 4)):
            roll = rng.random()
            if depth < 5 and roll < 0.3:
                items.append(nested(depth + 1))
            elif depth < 5 and roll < 0.4:
                items.append(tuple(nested(depth + 1)))
            elif roll < 0.7:
                items.append(rng.randint(-99, 99))
            else:
                items.append(rng.choice(["ab", "c", "", "xyz"]))
        return items

    return [nested(0) for _ in range(n)]


def check(case):
    given = case if len(case) % 2 else tuple(case)  # a list or a tuple, empty ones included
    result = flatten(given)
    return [result, type(result).__name__, result is given, given]

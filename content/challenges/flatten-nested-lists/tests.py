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

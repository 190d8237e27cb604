from solution import is_one_shot, percentages, summarize


class Readings:
    """A re-iterable container: every iter() starts from the top, and the passes are counted."""

    def __init__(self, values):
        self._values = list(values)
        self.passes = 0

    def __iter__(self):
        self.passes += 1
        return iter(self._values)


class Cursor:
    """A hand-written one-shot iterator."""

    def __init__(self, values):
        self._values = list(values)
        self._position = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._position >= len(self._values):
            raise StopIteration
        self._position += 1
        return self._values[self._position - 1]


def test_summarize_a_list():
    return summarize([4, 1, 7, 2])


def test_summarize_a_generator():
    return summarize(n * n for n in range(1, 6))


def test_summarize_reads_a_container_once():
    readings = Readings([3, 9, 1])
    summary = summarize(readings)
    return [summary, readings.passes]


def test_summarize_other_iterators():
    return [summarize(Cursor([5, -2, 8])), summarize(map(abs, [-3, 1, -4])), summarize(iter((2.5,)))]


def test_summarize_extremes_in_any_position():
    return [summarize([-1, 5, 3]), summarize([5, 3, -1]), summarize([3, -1, 5]), summarize([2, 2, 2])]


def test_neighbouring_values_and_ties():
    summaries = [summarize([3, 2]), summarize([2, 3]), summarize([2, 2.0, 2]), summarize([1.0, 3, 3.0, 1])]
    kinds = [[type(summary["min"]).__name__, type(summary["max"]).__name__] for summary in summaries[2:]]
    return [summaries, kinds]


def test_summarize_refuses_empty_input():
    return [_outcome(summarize, source) for source in ([], iter([]), (n for n in ()), Readings([]))]


def test_percentages_of_a_list():
    return percentages([1, 3])


def test_percentages_of_a_generator_and_an_iterator():
    return [percentages(n for n in (1, 1, 2)), percentages(Cursor([5, 15])), percentages(iter([2.0, 6.0]))]


def test_percentages_of_a_container_and_negatives():
    return [percentages(Readings([10, 30, 60])), percentages([-1, 3]), percentages(range(1, 5))]


def test_percentages_refuse_a_zero_total():
    return [_outcome(percentages, source) for source in ([], [0, 0], (n for n in (-2, 2)), Readings([0]))]


def test_one_shot_iterators():
    data = [1, 2]
    return [
        is_one_shot(iter(data)),
        is_one_shot(n for n in data),
        is_one_shot(map(str, data)),
        is_one_shot(zip(data, data)),
        is_one_shot(enumerate(data)),
        is_one_shot(Cursor(data)),
        is_one_shot(reversed(data)),
    ]


def test_re_iterable_containers():
    return [
        is_one_shot([1]),
        is_one_shot((1,)),
        is_one_shot("ab"),
        is_one_shot({"k": 1}),
        is_one_shot(range(3)),
        is_one_shot({1, 2}),
        is_one_shot(Readings([1])),
        is_one_shot({}.keys()),
    ]


def test_not_iterable_at_all():
    return is_one_shot(42)


def test_a_long_stream():
    summary = summarize((n * 37) % 1001 - 500 for n in range(1_000_000))
    return summary


def _outcome(function, source):
    try:
        return function(source)
    except ValueError:
        return "ValueError"


def generate(rng, n):
    """Fresh number lists (some empty or summing to zero), each to be served in one of several shapes."""
    cases = []
    for _ in range(n):
        values = [rng.choice([rng.randint(-50, 50), round(rng.uniform(-10, 10), 2)]) for _ in range(rng.randint(0, 12))]
        if values and rng.random() < 0.15:
            values.append(-sum(values))
        cases.append((values, rng.choice(["list", "generator", "iterator", "cursor", "readings", "map"])))
    return cases


def _serve(values, shape):
    if shape == "list":
        return list(values)
    if shape == "generator":
        return (value for value in values)
    if shape == "iterator":
        return iter(list(values))
    if shape == "cursor":
        return Cursor(values)
    if shape == "readings":
        return Readings(values)
    return map(float, values)


def check(case):
    values, shape = case
    source = _serve(values, shape)
    summary = _outcome(summarize, source)
    passes = source.passes if isinstance(source, Readings) else None
    return [summary, passes, _outcome(percentages, _serve(values, shape)), is_one_shot(_serve(values, shape))]

from solution import Reset, Stats, collect, running_stats, summarize


def _show(stats):
    """A Stats as a list, the mean rounded so that how it was computed does not matter."""
    count, mean, low, high = stats
    return [count, None if mean is None else round(mean, 6), low, high, type(stats).__name__]


def _summary(results):
    return [[key, [_show(stats) for stats in runs]] for key, runs in results.items()]


def test_send_values_and_read_the_running_stats():
    stats = running_stats()
    seen = [_show(next(stats))]
    for value in (4, 1, 7):
        seen.append(_show(stats.send(value)))
    return seen


def test_summarize_groups_interleaved_values_by_key():
    pairs = [("a", 1), ("b", 10), ("a", 3), ("b", 20), ("a", 5)]
    return _summary(summarize(pairs))


def test_sending_none_returns_the_final_stats():
    stats = running_stats()
    next(stats)
    stats.send(2)
    stats.send(2.5)
    try:
        stats.send(None)
    except StopIteration as stop:
        return _show(stop.value)
    return "did not stop"


def test_ending_a_run_with_no_values():
    stats = running_stats()
    next(stats)
    try:
        stats.send(None)
    except StopIteration as stop:
        return _show(stop.value)
    return "did not stop"


def test_throwing_reset_starts_the_run_again():
    stats = running_stats()
    next(stats)
    stats.send(100)
    after_reset = stats.throw(Reset())
    return [_show(after_reset), _show(stats.send(3)), _show(stats.throw(Reset)), _show(stats.send(-1))]


def test_a_value_that_is_not_a_number_ends_the_generator():
    stats = running_stats()
    next(stats)
    stats.send(1)
    outcomes = []
    for bad in ("2", True):
        try:
            stats.send(bad)
            outcomes.append("accepted")
        except TypeError as exc:
            outcomes.append(str(exc))
        except StopIteration:
            outcomes.append("finished")
    return outcomes


def test_other_exceptions_are_not_caught():
    stats = running_stats()
    next(stats)
    try:
        stats.throw(KeyError("k"))
    except KeyError:
        pass
    try:
        next(stats)
        return "still running"
    except StopIteration:
        return "finished"


def test_collect_records_each_finished_run_and_starts_a_new_one():
    results = {}
    feed = collect(results, "temps")
    first = _show(next(feed))
    feed.send(10)
    feed.send(20)
    restarted = _show(feed.send(None))
    feed.send(5)
    after = _show(feed.send(None))
    return [first, restarted, after, _summary(results)]


def test_reset_and_close_pass_through_collect():
    results = {}
    feed = collect(results, "k")
    next(feed)
    feed.send(8)
    after_reset = _show(feed.throw(Reset()))
    feed.send(2)
    feed.close()
    return [after_reset, results, feed.gi_running, _closed(feed)]


def _closed(gen):
    try:
        next(gen)
        return False
    except StopIteration:
        return True


def test_none_ends_a_run_and_reset_restarts_one_inside_summarize():
    pairs = [("x", 1), ("x", None), ("y", 2), ("x", 5), ("y", Reset), ("y", 4), ("x", None), ("z", None)]
    return _summary(summarize(pairs))


def test_runs_still_open_at_the_end_are_ended_but_empty_ones_are_not_recorded():
    pairs = [("a", 1), ("a", None), ("b", 2), ("b", Reset), ("c", 3)]
    return _summary(summarize(pairs))


def test_nothing_in_gives_nothing_out():
    return [summarize([]), summarize(iter([]))]


def test_keys_keep_their_order_of_first_appearance():
    pairs = [("late", None), ("early", 1), ("late", 2)]
    return [list(summarize(pairs)), list(summarize([("q", 1), ("p", None), ("q", None)]))]


def test_summarize_reads_pairs_lazily_from_a_generator():
    def pairs():
        for n in range(1, 6):
            yield ("odd" if n % 2 else "even", n)

    return _summary(summarize(pairs()))


def test_a_bad_value_in_summarize_raises():
    try:
        summarize([("a", 1), ("a", "two")])
    except TypeError as exc:
        return str(exc)
    return "no error"


def test_floats_and_negative_numbers():
    return _summary(summarize([("t", -2.5), ("t", 0), ("t", 10), ("t", -7)]))


def test_stats_is_a_named_tuple():
    stats = running_stats()
    first = next(stats)
    return [list(Stats._fields), first.count, first.mean, isinstance(first, tuple)]


def test_many_values():
    pairs = [(n % 7, n) for n in range(30_000)]
    results = summarize(pairs)
    return [len(results), _show(results[3][0]), _show(results[0][0])]


def generate(rng, n):
    """Fresh interleavings of values, run ends (None) and resets over a few keys."""
    cases = []
    for _ in range(n):
        pairs = []
        for _ in range(rng.randint(0, 20)):
            kind = rng.random()
            if kind < 0.12:
                value = None
            elif kind < 0.2:
                value = "reset"
            elif kind < 0.6:
                value = rng.randint(-50, 50)
            else:
                value = rng.randint(-400, 400) / 8
            pairs.append((rng.choice("pqr"), value))
        cases.append(pairs)
    return cases


def check(case):
    pairs = [(key, Reset if value == "reset" else value) for key, value in case]
    return _summary(summarize(pairs))

from solution import run


def steps(count, result=None):
    for _ in range(count):
        yield
    return result


def sleeper(*delays, result="woke"):
    for delay in delays:
        yield delay
    return result


def test_tasks_interleave():
    trace, _ = run({"a": steps(2), "b": steps(1)})
    return trace


def test_results_are_collected():
    _, results = run({"x": steps(1, result=10), "y": steps(0, result=[1, 2])})
    return results


def test_returns_the_tuple_of_trace_and_results():
    outcome = run({"a": steps(1, result=7)})
    return [type(outcome).__name__, [type(part).__name__ for part in outcome], outcome]


def test_sleeping_task_waits():
    trace, results = run({"slow": sleeper(3), "fast": steps(2, result="f")})
    return [trace, results]


def test_time_jumps_when_all_sleep():
    trace, _ = run({"long": sleeper(1000, 1000)})
    return trace


def test_errors_are_isolated():
    def broken():
        yield
        raise KeyError("k")

    trace, results = run({"bad": broken(), "good": steps(3, result="ok")})
    return [trace, results]


def test_wake_order_follows_sleep_order():
    trace, _ = run({"p": sleeper(2), "q": sleeper(1, 1), "r": sleeper(2)})
    return trace


def test_tasks_waking_together_all_run_that_tick():
    trace, _ = run({"a": sleeper(2, 1), "b": sleeper(2, 1), "c": steps(5)})
    return trace


def test_ready_tasks_run_in_the_order_they_yielded():
    def late_sleeper():
        yield  # tick 0
        yield  # tick 1
        yield 2  # tick 2: ready again on tick 4
        return "late"

    def busy():
        yield  # tick 0
        yield  # tick 1
        yield  # tick 2
        yield  # tick 3: ready again on tick 4, but it yielded after late_sleeper
        return "busy"

    trace, results = run({"busy": busy(), "late": late_sleeper()})
    return [trace, results]


def test_zero_and_negative_sleeps_mean_the_next_tick():
    trace, results = run({"zero": sleeper(0, 0), "minus": sleeper(-3, -1), "none": steps(2), "one": sleeper(1, 1)})
    return [trace, results]


def test_a_sleep_of_a_trillion_ticks_is_jumped_not_counted():
    trace, results = run({"idle": sleeper(10**12, result="back"), "short": steps(1)})
    return [trace, results]


def test_many_tasks():
    tasks = {f"t{n}": sleeper(n % 4 + 1, n % 3 + 1, result=n) for n in range(50)}
    trace, results = run(tasks)
    return [len(trace), trace[-1], [results[f"t{n}"] for n in (0, 7, 49)], list(results)[:5]]


def generate(rng, n):
    """Fresh sets of tasks: plain steps, sleeps of various lengths, return values and failing tasks."""
    cases = []
    for _ in range(n):
        tasks = []
        for index in range(rng.randint(1, 5)):
            kind = rng.choice(["steps", "sleeper", "sleeper", "fails"])
            tasks.append((f"t{index}", kind, [rng.choice([0, 1, 2, 3, 7, -1]) for _ in range(rng.randint(0, 4))], rng.randint(0, 99)))
        cases.append(tasks)
    return cases


def _failing(count):
    for _ in range(count):
        yield
    raise KeyError("broken")


def check(case):
    tasks = {}
    for name, kind, delays, result in case:
        if kind == "steps":
            tasks[name] = steps(len(delays), result=result)
        elif kind == "sleeper":
            tasks[name] = sleeper(*delays, result=result)
        else:
            tasks[name] = _failing(len(delays))
    trace, results = run(tasks)
    return [trace, results]

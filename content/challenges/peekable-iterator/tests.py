from solution import Peekable


def counted(items, log):
    for item in items:
        log.append(item)
        yield item


def test_peek_shows_the_next_item_without_taking_it():
    it = Peekable([1, 2, 3])
    return [it.peek(), it.peek(), next(it), it.peek(), list(it)]


def test_truthiness_tells_whether_items_remain():
    it = Peekable("ab")
    seen = []
    while it:
        seen.append(next(it))
    return [seen, bool(it), bool(Peekable([])), bool(Peekable([None])), bool(Peekable([0]))]


def test_peek_at_the_end_raises_or_returns_the_default():
    it = Peekable([])
    try:
        it.peek()
        raised = "nothing"
    except StopIteration:
        raised = "StopIteration"
    return [raised, it.peek("empty"), it.peek(None), it.peek(default=0)]


def test_none_is_an_ordinary_item():
    it = Peekable([None, None])
    return [it.peek("default"), next(it), it.peek("default"), next(it), it.peek("default")]


def test_it_is_its_own_iterator_and_works_in_for_loops():
    it = Peekable(x * x for x in range(5))
    first = next(it)
    rest = [x for x in it]
    return [iter(it) is it, first, rest, list(it)]


def test_it_reads_lazily():
    log = []
    it = Peekable(counted(range(10), log))
    after_creation = list(log)
    it.peek()
    it.peek()
    after_peeks = list(log)
    next(it)
    next(it)
    bool(it)
    return [after_creation, after_peeks, log]


def test_prepend_puts_items_back_in_front_in_order():
    it = Peekable([3, 4])
    first = next(it)
    it.prepend(1, 2)
    return [first, it.peek(), list(it)]


def test_prepend_before_a_peeked_item_and_on_an_exhausted_iterator():
    it = Peekable(["c"])
    it.peek()
    it.prepend("a", "b")
    middle = list(it)
    it.prepend("again")
    return [middle, bool(it), list(it), bool(it)]


def test_exhaustion_is_final_for_an_iterator_that_ends():
    it = Peekable(iter([1]))
    return [list(it), list(it), it.peek("done")]


def test_many_prepends_and_takes_are_constant_time():
    it = Peekable(range(5))
    it.prepend(*range(200_000))
    total = 0
    for _ in range(150_000):
        total += next(it)
        it.prepend(-1)
        next(it)
    return [total, it.peek(), sum(1 for _ in it)]


def generate(rng, n):
    """Fresh sequences of next, peek (with and without default), bool and prepend on short inputs."""
    cases = []
    for _ in range(n):
        steps = [(rng.choice(["next", "peek", "peek_default", "bool", "prepend"]), rng.randint(0, 2)) for _ in range(rng.randint(1, 20))]
        cases.append(([rng.choice([None, 0, 1, "x"]) for _ in range(rng.randint(0, 5))], steps))
    return cases


def check(case):
    items, steps = case
    it = Peekable(iter(items))
    seen = []
    for action, count in steps:
        try:
            if action == "next":
                seen.append(next(it))
            elif action == "peek":
                seen.append(it.peek())
            elif action == "peek_default":
                seen.append(it.peek("default"))
            elif action == "bool":
                seen.append(bool(it))
            else:
                it.prepend(*[f"p{k}" for k in range(count)])
        except StopIteration:
            seen.append("StopIteration")
    return [seen, list(it)]

from solution import TextStats


class _CountingSplit:
    """A tokenizer that records every text it is asked to split."""

    def __init__(self):
        self.calls = []

    def __call__(self, text):
        self.calls.append(text)
        return text.split()


def test_words_and_frequencies():
    stats = TextStats("The cat saw the other cat")
    return [list(stats.words), dict(stats.frequencies), stats.word_count, stats.top(2)]


def test_the_text_is_split_once_however_often_results_are_read():
    split = _CountingSplit()
    stats = TextStats("a b a", tokenize=split)
    before = len(split.calls)
    reads = [stats.words, stats.words, stats.word_count, dict(stats.frequencies), stats.top(1), stats.top(5)]
    return [before, len(split.calls), [list(r) if isinstance(r, tuple) else r for r in reads]]


def test_setting_the_text_recomputes_everything():
    split = _CountingSplit()
    stats = TextStats("x y x", tokenize=split)
    first = [list(stats.words), dict(stats.frequencies), stats.top(1)]
    stats.text = "y z z"
    second = [list(stats.words), dict(stats.frequencies), stats.top(1), stats.word_count]
    return [first, second, split.calls, stats.text]


def test_setting_the_text_before_anything_was_computed():
    split = _CountingSplit()
    stats = TextStats("one", tokenize=split)
    stats.text = "two two"
    stats.text = "three"
    return [split.calls, list(stats.words), split.calls]


def test_frequencies_are_recomputed_even_if_words_were_never_read():
    stats = TextStats("a a b")
    first = dict(stats.frequencies)
    stats.text = "c"
    return [first, dict(stats.frequencies), stats.top(3)]


def test_words_are_recomputed_when_only_frequencies_were_read():
    split = _CountingSplit()
    stats = TextStats("p q", tokenize=split)
    dict(stats.frequencies)
    stats.text = "r"
    return [list(stats.words), dict(stats.frequencies), len(split.calls)]


def test_append_extends_the_text_and_invalidates():
    split = _CountingSplit()
    stats = TextStats("red green", tokenize=split)
    stats.top(1)
    stats.append("red blue")
    after = [stats.text, stats.top(1), stats.word_count]
    stats.append("")
    return [after, stats.text, len(split.calls)]


def test_append_to_empty_text():
    stats = TextStats("")
    empty = [list(stats.words), dict(stats.frequencies), stats.top(3), stats.word_count]
    stats.append("Hello hello")
    return [empty, stats.text, stats.top(3)]


def test_setting_the_same_text_still_recomputes():
    split = _CountingSplit()
    stats = TextStats("same", tokenize=split)
    stats.words
    stats.text = "same"
    stats.words
    return len(split.calls)


def test_nothing_is_split_until_a_result_is_needed():
    split = _CountingSplit()
    stats = TextStats("lazy text", tokenize=split)
    stats.text = "still lazy"
    stats.append("more")
    return [split.calls, stats.text]


def test_each_instance_has_its_own_cache():
    split_a, split_b = _CountingSplit(), _CountingSplit()
    a, b = TextStats("one two", tokenize=split_a), TextStats("three", tokenize=split_b)
    results = [list(a.words), list(b.words), list(a.words), list(b.words)]
    a.text = "four"
    return [results, list(a.words), list(b.words), len(split_a.calls), len(split_b.calls)]


def test_equal_texts_in_two_instances_are_not_confused():
    a, b = TextStats("k l"), TextStats("k l")
    a.words
    b.words
    a.text = "m"
    return [list(a.words), list(b.words)]


def test_results_cannot_be_corrupted_by_callers():
    stats = TextStats("a b a")
    outcomes = []
    try:
        stats.frequencies["a"] = 100
    except TypeError:
        outcomes.append("frequencies are read-only")
    try:
        stats.words.append("zzz")
    except AttributeError:
        outcomes.append("words are a tuple")
    return [outcomes, dict(stats.frequencies), type(stats.words).__name__, stats.top(1)]


def test_top_breaks_ties_by_first_appearance():
    stats = TextStats("d c b a c d b")
    return [stats.top(0), stats.top(2), stats.top(10)]


def test_top_refuses_a_negative_count():
    try:
        TextStats("a").top(-1)
    except ValueError as exc:
        return str(exc)
    return "accepted"


def test_words_are_lower_cased_and_a_custom_tokenizer_is_used():
    stats = TextStats("Alpha,beta,ALPHA", tokenize=lambda text: text.split(","))
    return [list(stats.words), dict(stats.frequencies)]


def generate(rng, n):
    """Fresh sequences of reads, text replacements and appends over a tiny vocabulary."""
    cases = []
    for _ in range(n):
        def text():
            return " ".join(rng.choice(["a", "B", "b", "c"]) for _ in range(rng.randint(0, 5)))

        steps = [(rng.choice(["words", "freq", "top", "count", "set", "append"]), text(), rng.randint(0, 3)) for _ in range(rng.randint(1, 12))]
        cases.append((text(), steps))
    return cases


def check(case):
    initial, steps = case
    split = _CountingSplit()
    stats = TextStats(initial, tokenize=split)
    seen = []
    for action, text, n in steps:
        if action == "words":
            seen.append(list(stats.words))
        elif action == "freq":
            seen.append(sorted(stats.frequencies.items()))
        elif action == "top":
            seen.append(stats.top(n))
        elif action == "count":
            seen.append(stats.word_count)
        elif action == "set":
            stats.text = text
        else:
            stats.append(text)
    return [seen, stats.text, split.calls]

from solution import Trie


def _trie(*words):
    trie = Trie()
    for word in words:
        trie.insert(word)
    return trie


def test_insert_and_membership():
    trie = Trie()
    added = [trie.insert("car"), trie.insert("cart"), trie.insert("car")]
    return [added, "car" in trie, "cart" in trie, "ca" in trie, "carts" in trie, len(trie)]


def test_words_with_a_prefix_in_order():
    trie = _trie("cat", "cart", "dog", "car", "care")
    return [trie.starts_with("ca"), trie.starts_with("car"), trie.starts_with("ca", limit=2), trie.starts_with("x")]


def test_empty_trie():
    trie = Trie()
    return [len(trie), "" in trie, "a" in trie, trie.starts_with(""), trie.count_prefix(""), trie.node_count(), trie.remove("a")]


def test_the_empty_prefix_matches_everything():
    trie = _trie("b", "a", "ab")
    return [trie.starts_with(""), trie.count_prefix(""), trie.starts_with("", limit=1)]


def test_the_empty_string_is_a_word():
    trie = _trie("", "a")
    before = [trie.starts_with(""), "" in trie, len(trie), trie.node_count()]
    removed = trie.remove("")
    return [before, removed, "" in trie, len(trie), trie.starts_with(""), trie.node_count(), trie.remove("")]


def test_count_prefix():
    trie = _trie("car", "cart", "cat", "dog", "do")
    return [trie.count_prefix(p) for p in ("", "c", "ca", "car", "cart", "carts", "d", "do", "dog", "x")]


def test_node_count_is_one_per_distinct_prefix():
    trie = _trie("car", "cart", "cat", "dog")
    return [trie.node_count(), _trie("abc", "abc").node_count(), _trie("a", "ab", "abc").node_count()]


def test_a_prefix_of_a_word_is_not_a_word():
    trie = _trie("cart")
    removed = trie.remove("car")
    return [removed, "cart" in trie, len(trie), trie.count_prefix("car"), trie.node_count(), trie.starts_with("c")]


def test_remove_a_word_that_is_a_prefix_of_another():
    trie = _trie("car", "cart")
    return [trie.remove("car"), "car" in trie, "cart" in trie, len(trie), trie.node_count(), trie.count_prefix("car")]


def test_remove_prunes_the_branch_of_a_longer_word():
    trie = _trie("car", "cartwheel")
    return [trie.remove("cartwheel"), trie.node_count(), trie.starts_with("car"), trie.count_prefix("cart"), len(trie)]


def test_remove_everything_leaves_no_nodes():
    trie = _trie("a", "ab", "abc", "b", "bcd")
    results = [trie.remove(w) for w in ("abc", "b", "a", "bcd", "ab", "ab")]
    return [results, len(trie), trie.node_count(), trie.starts_with("")]


def test_a_removed_word_can_be_inserted_again():
    trie = _trie("tea", "ten")
    trie.remove("tea")
    again = trie.insert("tea")
    return [again, trie.starts_with("te"), trie.count_prefix("te"), trie.node_count()]


def test_limits():
    trie = _trie("ab", "a", "abc", "b")
    outcomes = [trie.starts_with("a", limit=0), trie.starts_with("a", limit=1), trie.starts_with("a", limit=10)]
    try:
        trie.starts_with("a", limit=-1)
    except ValueError as exc:
        outcomes.append(str(exc))
    return outcomes


def test_sorted_by_code_point():
    trie = _trie("apple", "Banana", "äpfel", "avocado", "Apricot", "a")
    return [trie.starts_with(""), trie.starts_with("a", limit=3)]


def test_a_word_comes_before_its_extensions():
    trie = _trie("ab", "a", "aab", "aa", "b")
    return trie.starts_with("a")


def test_removing_a_missing_word_changes_nothing():
    trie = _trie("one", "two")
    results = [trie.remove("three"), trie.remove("on"), trie.remove("twos"), trie.remove("")]
    return [results, len(trie), trie.node_count(), trie.count_prefix("o"), trie.count_prefix("")]


def test_removing_mere_prefixes_over_and_over_leaves_the_word_count_alone():
    trie = _trie("ab")
    results = [trie.remove("a"), trie.remove(""), trie.remove("")]
    return [results, len(trie), "ab" in trie, trie.node_count()]


_BIG = []


def _big_trie():
    """30,000 seven-digit words, built once and shared by the large tests (they only read it)."""
    if not _BIG:
        trie = Trie()
        for n in range(30_000):
            trie.insert(format((n * 2_654_435_761) % 10**9, "09d")[:7])
        _BIG.append(trie)
    return _BIG[0]


def test_many_prefix_counts_on_a_large_trie():
    trie = _big_trie()
    total = sum(trie.count_prefix(str(n % 10)) + trie.count_prefix(str(n % 100).zfill(2)) for n in range(10_000))
    return [len(trie), trie.node_count(), total]


def test_many_limited_prefix_searches_on_a_large_trie():
    trie = _big_trie()
    seen = [trie.starts_with(str(n % 10), limit=5) for n in range(5_000)]
    return [seen[0], seen[7], seen[-1], sum(len(s) for s in seen)]


def generate(rng, n):
    """Fresh sequences of inserts, removes, lookups and prefix queries over a tiny alphabet (lots of shared prefixes)."""
    cases = []
    for _ in range(n):
        steps = []
        for _ in range(rng.randint(1, 30)):
            text = "".join(rng.choice("ab") for _ in range(rng.randint(0, 3)))
            steps.append((rng.choice(["insert", "insert", "remove", "in", "count", "starts"]), text, rng.choice([None, 0, 1, 2, 5])))
        cases.append(steps)
    return cases


def check(case):
    trie = Trie()
    seen = []
    for action, text, limit in case:
        if action == "insert":
            seen.append(trie.insert(text))
        elif action == "remove":
            seen.append(trie.remove(text))
        elif action == "in":
            seen.append(text in trie)
        elif action == "count":
            seen.append(trie.count_prefix(text))
        else:
            seen.append(trie.starts_with(text, limit))
    return [seen, len(trie), trie.node_count(), trie.starts_with("")]

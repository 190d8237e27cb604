from solution import closest, edit_distance


def test_classic_pairs():
    return [edit_distance("kitten", "sitting"), edit_distance("flaw", "lawn"), edit_distance("intention", "execution")]


def test_closest_word_in_a_small_vocabulary():
    return [closest("pyhton", ["python", "typhoon", "pylon"]), closest("xyz", ["python"], max_distance=2)]


def test_empty_strings():
    return [edit_distance("", ""), edit_distance("", "abc"), edit_distance("abcd", ""), edit_distance("a", "")]


def test_equal_strings_are_at_distance_zero():
    return [edit_distance("same", "same"), edit_distance("x", "x")]


def test_one_substitution_costs_one():
    return [edit_distance("cat", "cut"), edit_distance("a", "b"), edit_distance("abc", "abd")]


def test_single_inserts_and_deletes():
    return [edit_distance("cat", "cast"), edit_distance("cast", "cat"), edit_distance("at", "cat"), edit_distance("cat", "ca")]


def test_distance_is_symmetric():
    pairs = [("sunday", "saturday"), ("abc", "yabd"), ("", "xy"), ("book", "back")]
    return [[edit_distance(a, b), edit_distance(b, a)] for a, b in pairs]


def test_case_and_unicode_are_compared_exactly():
    return [edit_distance("Python", "python"), edit_distance("café", "cafe"), edit_distance("naïve", "naive")]


def test_completely_different_strings():
    return [edit_distance("abc", "xyz"), edit_distance("ab", "xyzw"), edit_distance("aaaa", "b")]


def test_ties_go_to_the_first_word():
    return [closest("cat", ["bat", "cap", "car"]), closest("cat", ["cup", "cot", "cab"]), closest("ab", ["b", "a"])]


def test_max_distance_is_inclusive():
    return [
        closest("cat", ["dog"], max_distance=3),
        closest("cat", ["dog"], max_distance=2),
        closest("cat", ["cats"], max_distance=1),
        closest("cat", ["cat"], max_distance=0),
        closest("cat", ["cut"], max_distance=0),
    ]


def test_closest_with_an_empty_vocabulary_or_exact_hit():
    return [closest("word", []), closest("word", ["sword", "word", "ward"]), closest("", ["ab", "a"])]


def test_vocabulary_may_be_a_generator():
    return closest("helo", (w for w in ["help", "hello", "halo"]))


def test_a_far_better_word_later_in_the_vocabulary_wins():
    return [closest("garden", ["x", "gardener", "garden"]), closest("abc", ["zzzz", "zzz", "abd"])]


def test_max_distance_filters_before_choosing():
    return closest("rain", ["train", "brain", "rein", "ruin"], max_distance=1)


def test_short_but_completely_different_strings():
    return [edit_distance("abcdefghijklmn", "opqrstuvwxyzAB"), edit_distance("aaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbb")]


def test_long_strings():
    a = "".join("abcdefghij"[(i * 7) % 10] for i in range(1000))
    b = "".join("abcdefghij"[(i * 3 + 1) % 10] for i in range(1000))
    return [edit_distance(a, b), edit_distance(a, a[1:] + "z"), edit_distance(a[:700], b)]


def generate(rng, n):
    """Fresh short words over a small alphabet (so near misses and ties are common) and a vocabulary."""
    cases = []
    for _ in range(n):
        def word():
            return "".join(rng.choice("abcd") for _ in range(rng.randint(0, 7)))

        vocabulary = [word() for _ in range(rng.randint(0, 6))]
        cases.append((word(), word(), vocabulary, rng.choice([None, 0, 1, 2, 3])))
    return cases


def check(case):
    a, b, vocabulary, limit = case
    return [edit_distance(a, b), [edit_distance(a, w) for w in vocabulary], closest(a, list(vocabulary), limit)]

from solution import group_anagrams


def test_three_groups():
    return group_anagrams(["tea", "eat", "tan", "ate", "nat", "bat"])


def test_single_word():
    return group_anagrams(["solo"])


def test_empty_input():
    return group_anagrams([])


def test_duplicates_are_kept():
    return group_anagrams(["abc", "cab", "abc"])


def test_case_matters():
    return group_anagrams(["Listen", "silent", "enlist"])


def test_repeated_letters_count():
    return group_anagrams(["aab", "abb", "bab", "aba"])


def generate(rng, n):
    """Fresh words over a small alphabet, so that anagrams and repeats are common."""
    cases = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(0, 15)):
            letters = [rng.choice("abcde") for _ in range(rng.randint(0, 4))]
            words.append("".join(letters))
        cases.append(words)
    return cases


def check(case):
    return group_anagrams(list(case))

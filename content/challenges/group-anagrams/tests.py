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

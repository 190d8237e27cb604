from collections import defaultdict


def group_anagrams(words: list[str]) -> list[list[str]]:
    raise NotImplementedError

from collections import defaultdict  # noqa: F401


def group_anagrams(words: list[str]) -> list[list[str]]:
    raise NotImplementedError

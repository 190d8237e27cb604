from collections import defaultdict


def group_anagrams(words: list[str]) -> list[list[str]]:
    groups = defaultdict(list)
    for word in words:
        k = "".join(sorted(word))
        groups[k].append(word)
    return sorted(groups.values())

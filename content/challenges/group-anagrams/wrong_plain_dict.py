def group_anagrams(words: list[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for word in words:
        groups["".join(sorted(word))].append(word)
    return list(groups.values())

from __future__ import annotations

from collections.abc import Iterable


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(
                    previous[j] + 1,  # delete char_a
                    current[j - 1] + 1,  # insert char_b
                    previous[j - 1] + (char_a != char_b),  # substitute, or keep when equal
                )
            )
        previous = current
    return previous[-1]


def closest(word: str, vocabulary: Iterable[str], max_distance: int | None = None) -> str | None:
    best_word = None
    best_distance = None
    for candidate in vocabulary:
        distance = edit_distance(word, candidate)
        if max_distance is not None and distance > max_distance:
            continue
        if best_distance is None or distance < best_distance:
            best_word, best_distance = candidate, distance
    return best_word

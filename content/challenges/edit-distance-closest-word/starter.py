from __future__ import annotations

from collections.abc import Iterable


def edit_distance(a: str, b: str) -> int:
    """The fewest insertions, deletions and substitutions turning a into b."""
    raise NotImplementedError


def closest(word: str, vocabulary: Iterable[str], max_distance: int | None = None) -> str | None:
    """The first word of vocabulary with the smallest distance to word (within max_distance), or None."""
    raise NotImplementedError

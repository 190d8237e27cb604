from itertools import groupby


def collapse_ranges(numbers) -> str:
    """collapse_ranges([1, 2, 3, 5, 7, 8, 9]) == "1-3,5,7-9"."""
    raise NotImplementedError


def expand_ranges(text: str) -> list[int]:
    """expand_ranges("1-3,5") == [1, 2, 3, 5]."""
    raise NotImplementedError

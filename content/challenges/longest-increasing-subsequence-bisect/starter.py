from __future__ import annotations

from bisect import bisect_left, bisect_right


def lis_length(values: list, *, strict: bool = True) -> int:
    """Length of the longest strictly increasing (non-decreasing when strict=False) subsequence."""
    raise NotImplementedError


def longest_increasing(values: list, *, strict: bool = True) -> list:
    """One longest increasing subsequence, as a new list."""
    raise NotImplementedError

def merge_sorted(first: list, second: list, *, key=None) -> list:
    """Merge two sorted lists into a new sorted list in O(len(first) + len(second))."""
    raise NotImplementedError

from collections.abc import Callable
from typing import Any


def merge_sorted(first: list, second: list, *, key: Callable[[Any], Any] | None = None) -> list:
    if key is None:

        def key(item: Any) -> Any:
            return item

    merged = []
    i = j = 0
    while i < len(first) and j < len(second):
        # Take from `second` only when it is strictly smaller: ties keep `first`'s items in front.
        if key(second[j]) < key(first[i]):
            merged.append(second[j])
            j += 1
        else:
            merged.append(first[i])
            i += 1
    merged.extend(first[i:])
    merged.extend(second[j:])
    return merged

import re
from collections.abc import Iterable
from itertools import groupby

ITEM = re.compile(r"\s*(-?[0-9]+)(?:-(-?[0-9]+))?\s*")


def collapse_ranges(numbers: Iterable[int]) -> str:
    # Deduplicated with dict.fromkeys, which keeps the input order: unsorted input is never sorted.
    ordered = list(dict.fromkeys(numbers))
    parts: list[str] = []
    # In a run of consecutive numbers, value - position is the same for every member.
    for _, run in groupby(enumerate(ordered), key=lambda pair: pair[1] - pair[0]):
        values = [value for _, value in run]
        if len(values) >= 3:
            parts.append(f"{values[0]}-{values[-1]}")
        else:
            parts.extend(str(value) for value in values)
    return ",".join(parts)


def expand_ranges(text: str) -> list[int]:
    if not text.strip():
        return []
    numbers: list[int] = []
    for item in text.split(","):
        match = ITEM.fullmatch(item)
        if match is None:
            raise ValueError(f"not a number or a range: {item!r}")
        first = int(match[1])
        last = first if match[2] is None else int(match[2])
        if first > last:
            raise ValueError(f"a range runs backwards: {item!r}")
        numbers.extend(range(first, last + 1))
    return numbers

from collections.abc import Iterable

_MISSING = object()


def is_one_shot(values: Iterable) -> bool:
    # An iterator's __iter__ returns the iterator itself; a container hands out a fresh one each time.
    return iter(values) is values


def summarize(values: Iterable[float]) -> dict:
    iterator = iter(values)
    first = next(iterator, _MISSING)
    if first is _MISSING:
        raise ValueError("no values")
    count, total, low, high = 1, first, first, first
    for value in iterator:
        count += 1
        total += value
        if value < low:
            low = value
        if value > high:
            high = value
    return {"count": count, "total": total, "mean": total / count, "min": low, "max": high}


def percentages(values: Iterable[float]) -> list[float]:
    # Two passes are needed (the total, then each share): read the input once into our own list.
    # sum() uses up a one-shot iterator: the comprehension then sees no values and returns [].
    total = sum(values)
    if total == 0:
        raise ValueError("the values add up to zero")
    return [value * 100 / total for value in values]

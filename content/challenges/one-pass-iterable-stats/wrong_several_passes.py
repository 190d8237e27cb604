from collections.abc import Iterable

_MISSING = object()


def is_one_shot(values: Iterable) -> bool:
    # An iterator's __iter__ returns the iterator itself; a container hands out a fresh one each time.
    return iter(values) is values


def summarize(values: Iterable[float]) -> dict:
    # Reads the input three times: a generator is used up by sum(), so min() finds nothing.
    total = sum(values)
    count = sum(1 for _ in values)
    if count == 0:
        raise ValueError("no values")
    low, high = min(values), max(values)
    return {"count": count, "total": total, "mean": total / count, "min": low, "max": high}


def percentages(values: Iterable[float]) -> list[float]:
    # Two passes are needed (the total, then each share): read the input once into our own list.
    items = list(values)
    total = sum(items)
    if total == 0:
        raise ValueError("the values add up to zero")
    return [value * 100 / total for value in items]

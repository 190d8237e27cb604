from collections.abc import Iterable


def is_one_shot(values: Iterable) -> bool:
    raise NotImplementedError


def summarize(values: Iterable[float]) -> dict:
    """{"count", "total", "mean", "min", "max"} in a single pass over values."""
    raise NotImplementedError


def percentages(values: Iterable[float]) -> list[float]:
    """Each value as a percentage of the total, for any iterable."""
    raise NotImplementedError

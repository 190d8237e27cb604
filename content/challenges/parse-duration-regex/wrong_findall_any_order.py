import re

_SIZES = {"d": 86_400, "h": 3_600, "m": 60, "s": 1}


def parse_duration(text):
    """findall accepts the parts in any order, repeated, and skips what it does not understand."""
    parts = re.findall(r"([0-9]+)([dhms])", text)
    if not parts:
        raise ValueError(f"invalid duration: {text!r}")
    return sum(int(amount) * _SIZES[unit] for amount, unit in parts)


def format_duration(seconds):
    if type(seconds) is not int or seconds < 0:
        raise ValueError("seconds must be a non-negative int")
    parts = []
    for unit, size in _SIZES.items():
        amount, seconds = divmod(seconds, size)
        if amount:
            parts.append(f"{amount}{unit}")
    return "".join(parts) or "0s"

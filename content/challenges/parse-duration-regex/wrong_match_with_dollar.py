import re

# [0-9], not \d: \d also matches other scripts' digits ("١"), which int() would happily accept
_DURATION = re.compile(r"(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$")
_UNITS = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]


def parse_duration(text: str) -> int:
    match = _DURATION.match(text)
    if not text or match is None:
        raise ValueError(f"invalid duration: {text!r}")
    return sum(int(amount) * size for amount, (_, size) in zip(match.groups(), _UNITS) if amount is not None)


def format_duration(seconds: int) -> str:
    if type(seconds) is not int or seconds < 0:
        raise ValueError("seconds must be a non-negative int")
    parts = []
    for unit, size in _UNITS:
        amount, seconds = divmod(seconds, size)
        if amount:
            parts.append(f"{amount}{unit}")
    return "".join(parts) or "0s"

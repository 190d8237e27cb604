from itertools import groupby


def rle_encode(text: str) -> list[tuple[str, int]]:
    return [[char, len(list(run))] for char, run in groupby(text)]


def rle_decode(pairs) -> str:
    parts = []
    for char, count in pairs:
        if not isinstance(char, str) or len(char) != 1:
            raise ValueError(f"not a single character: {char!r}")
        if type(count) is not int or count < 1:
            raise ValueError(f"not a positive count: {count!r}")
        parts.append(char * count)
    return "".join(parts)

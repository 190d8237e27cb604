from collections import Counter


def rle_encode(text):
    return list(Counter(text).items())


def rle_decode(pairs):
    parts = []
    for char, count in pairs:
        if not isinstance(char, str) or len(char) != 1:
            raise ValueError(f"not a single character: {char!r}")
        if type(count) is not int or count < 1:
            raise ValueError(f"not a positive count: {count!r}")
        parts.append(char * count)
    return "".join(parts)

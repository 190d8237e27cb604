def rle_encode(text):
    result = []
    count = 1
    for index in range(1, len(text)):
        if text[index] == text[index - 1]:
            count += 1
        else:
            result.append((text[index - 1], count))
            count = 1
    return result


def rle_decode(pairs):
    parts = []
    for char, count in pairs:
        if not isinstance(char, str) or len(char) != 1:
            raise ValueError(f"not a single character: {char!r}")
        if type(count) is not int or count < 1:
            raise ValueError(f"not a positive count: {count!r}")
        parts.append(char * count)
    return "".join(parts)

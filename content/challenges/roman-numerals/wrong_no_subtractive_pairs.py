_NUMERALS = [
    (1000, "M"), (500, "D"), (100, "C"), (50, "L"), (10, "X"), (5, "V"), (1, "I"),
]


def to_roman(number: int) -> str:
    if type(number) is not int or not 1 <= number <= 3999:
        raise ValueError("number must be an int from 1 to 3999")
    parts = []
    for value, letters in _NUMERALS:
        count, number = divmod(number, value)
        parts.append(letters * count)
    return "".join(parts)


# Every canonical numeral, built once: parsing is a lookup, and anything not canonical is refused.
_VALUES = {to_roman(number): number for number in range(1, 4000)}


def from_roman(text: str) -> int:
    if text not in _VALUES:
        raise ValueError(f"not a roman numeral: {text!r}")
    return _VALUES[text]

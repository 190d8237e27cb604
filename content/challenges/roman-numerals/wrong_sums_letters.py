_NUMERALS = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]
_LETTERS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(number):
    if type(number) is not int or not 1 <= number <= 3999:
        raise ValueError("number must be an int from 1 to 3999")
    parts = []
    for value, letters in _NUMERALS:
        count, number = divmod(number, value)
        parts.append(letters * count)
    return "".join(parts)


def from_roman(text):
    """Subtract a letter smaller than the next one, add the rest: accepts IIII, IC, VX..."""
    if not text or any(ch not in _LETTERS for ch in text):
        raise ValueError(f"not a roman numeral: {text!r}")
    total = 0
    for here, after in zip(text, text[1:] + " "):
        value = _LETTERS[here]
        total += -value if after != " " and value < _LETTERS[after] else value
    return total

def to_roman(number: int) -> str:
    raise NotImplementedError


def from_roman(text: str) -> int:
    raise NotImplementedError

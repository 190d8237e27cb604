from itertools import groupby


def rle_encode(text: str) -> list[tuple[str, int]]:
    raise NotImplementedError


def rle_decode(pairs) -> str:
    raise NotImplementedError

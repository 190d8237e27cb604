from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from functools import cached_property
from types import MappingProxyType


class TextStats:
    def __init__(self, text: str, tokenize: Callable[[str], list[str]] = str.split) -> None:
        raise NotImplementedError

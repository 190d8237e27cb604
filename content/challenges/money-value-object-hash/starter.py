from __future__ import annotations

from decimal import Decimal
from functools import total_ordering


class Money:
    def __init__(self, amount: int | str | Decimal, currency: str) -> None:
        raise NotImplementedError
